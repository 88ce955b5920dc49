import { useI18n } from '../../../lib/i18n/i18n.tsx'
import type { BoardState } from '../url-state/board-state.ts'
import type { BoardPatch, UpdateOptions } from '../url-state/board-writer.ts'
import { CopyLinkButton } from './copy-link-button.tsx'
import { SearchBox } from './filters/search-box.tsx'

/** Search, the link to this view, and the shortcuts list. */
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
      <button type="button" className="button button--quiet" onClick={onHelp} aria-keyshortcuts="?">
        {t.board.shortcuts}
      </button>
    </div>
  )
}
