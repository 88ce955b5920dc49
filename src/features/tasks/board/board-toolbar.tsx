import { useI18n } from '../../../lib/i18n/i18n.tsx'
import type { BoardState } from '../../../shared/tasks/url-state/board-state.ts'
import type { BoardPatch, UpdateOptions } from '../../../shared/tasks/url-state/board-writer.ts'
import { toViewQuery } from '../../views/view-query.ts'
// Here, not with the lazily fetched parts: they must look right the moment they mount.
import '../../views/components/views.css'
import { CopyLinkButton } from './copy-link-button.tsx'
import { SearchBox } from './filters/search-box.tsx'
import { LazyViewStatus } from './lazy-view-status.tsx'
import { LazyViewsMenu } from './lazy-views-menu.tsx'
import { DaySheetLink, WorkloadLink } from './workload-link.tsx'
import { ExportButton } from './export-button.tsx'

/** Search, saved views, the link to this view, the workload of its filters, its export, and the shortcuts list. */
export function BoardToolbar({
  board,
  update,
  onHelp,
  viewsOpen,
  onViewsOpenChange,
  ready,
}: {
  board: BoardState
  update: (patch: BoardPatch, options?: UpdateOptions) => void
  onHelp: () => void
  viewsOpen: boolean
  onViewsOpenChange: (open: boolean) => void
  /** The first rows are there: what they do not need may be fetched now. */
  ready: boolean
}) {
  const { t } = useI18n()
  const currentQuery = toViewQuery(board)
  return (
    <div className="toolbar">
      {/* Search replaces the history entry: Back never steps through keystrokes. */}
      <SearchBox value={board.q} onSearch={(q) => update({ q }, { replace: true })} />
      <LazyViewsMenu currentQuery={currentQuery} open={viewsOpen} onOpenChange={onViewsOpenChange} />
      <CopyLinkButton board={board} />
      <WorkloadLink board={board} />
      <DaySheetLink board={board} />
      <ExportButton board={board} />
      <button type="button" className="button button--quiet" onClick={onHelp} aria-keyshortcuts="?">
        {t.board.shortcuts}
      </button>
      <LazyViewStatus
        currentQuery={currentQuery}
        onSaveAsNew={() => onViewsOpenChange(true)}
        changed={board.changed}
        onShowChanges={(since) => update({ changed: since })}
        ready={ready}
      />
    </div>
  )
}
