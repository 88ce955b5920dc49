import { useLocation } from 'react-router'
import { useI18n } from '../../../lib/i18n/i18n.tsx'
import type { BoardState } from '../../../shared/tasks/url-state/board-state.ts'
import { shareableBoardLink } from '../../../shared/tasks/url-state/paths.ts'
import { CopyTextButton } from '../../../components/ui/copy-text-button.tsx'
import { pageOrigin } from '../../../lib/page-address.ts'

/** Copies an absolute link to this view with every parameter written out (see `shareableBoardLink`). */
export function CopyLinkButton({ board }: { board: BoardState }) {
  const { search } = useLocation()
  const { t } = useI18n()
  return (
    <CopyTextButton
      label={t.copy.link}
      done={t.copy.copied}
      text={() => shareableBoardLink(board, new URLSearchParams(search), pageOrigin())}
    />
  )
}
