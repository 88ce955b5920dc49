import { useI18n } from '../../../lib/i18n/i18n.tsx'
import type { BoardState } from '../url-state/board-state.ts'
import type { BoardPatch, UpdateOptions } from '../url-state/board-writer.ts'
import { ForgetKeyButton } from './api-key-prompt.tsx'
import { CopyLinkButton } from './copy-link-button.tsx'
import { SearchBox } from './filters/search-box.tsx'
import { WorkloadLink } from './workload-link.tsx'

/** Search, the link to this view, the workload of its filters, the shortcuts list and forgetting a typed key. */
export function BoardToolbar({
  board,
  update,
  onHelp,
}: {
  board: BoardState
  update: (patch: BoardPatch, options?: UpdateOptions) => void
  onHelp: () => void
}) {
  const { t } = useI18n()
  return (
    <div className="toolbar">
      {/* Search replaces the history entry: Back never steps through keystrokes. */}
      <SearchBox value={board.q} onSearch={(q) => update({ q }, { replace: true })} />
      <CopyLinkButton board={board} />
      <WorkloadLink board={board} />
      <button type="button" className="button button--quiet" onClick={onHelp} aria-keyshortcuts="?">
        {t.board.shortcuts}
      </button>
      <ForgetKeyButton />
    </div>
  )
}
