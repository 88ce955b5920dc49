import { useCallback, useState } from 'react'
import { useDeferredPart } from '../../../lib/deferred/deferred-part.ts'
import { useI18n } from '../../../lib/i18n/i18n.tsx'
import type { BoardState } from '../../../shared/tasks/url-state/board-state.ts'
import { exportDialogPart } from './deferred-parts.ts'

/** Export of the view as a file; the dialog's code is fetched when first opened, and a failed fetch closes it again. */
export function ExportButton({ board }: { board: BoardState }) {
  const { t } = useI18n()
  const [open, setOpen] = useState(false)
  const close = useCallback(() => setOpen(false), [])
  const Dialog = useDeferredPart(exportDialogPart, open, close).loaded?.ExportDialog
  return (
    <>
      <button type="button" className="button button--quiet" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {t.board.export}
      </button>
      {Dialog && <Dialog board={board} open={open} onClose={close} />}
    </>
  )
}
