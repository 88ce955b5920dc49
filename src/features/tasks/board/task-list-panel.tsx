import type { RefObject } from 'react'
import { ErrorBoundary, RenderErrorNotice } from '../../../components/ui/error-boundary.tsx'
import { useI18n } from '../../../lib/i18n/i18n.tsx'
import type { ColumnPrefs } from '../table/column-prefs.ts'
import type { ColumnId } from '../table/columns.tsx'
import type { RowEdge } from '../table/row-keyboard.ts'
import { TaskTypesProvider } from '../table/task-types-provider.tsx'
import { TasksTable, type TasksTableHandle, type TasksTableProps } from '../table/tasks-table.tsx'
import { shownSort, type BoardState } from '../../../shared/tasks/url-state/board-state.ts'
import type { BoardPatch } from '../../../shared/tasks/url-state/board-writer.ts'
import { TASKS_PANEL_ID, tabId } from './board-tabs.tsx'
import { EmptyState } from './empty-state.tsx'
import { UpdatedAgo } from './notices/freshness.tsx'
import { PanelNotices } from './notices/panel-notices.tsx'
import { Pager } from './pager.tsx'
import type { BoardRows } from './use-board-rows.ts'
import type { ViewIntent } from './use-view-intent.ts'

const SKELETON_ROWS = 10

type TaskListPanelProps = {
  board: BoardState
  update: (patch: BoardPatch) => void
  /** The address of the view after a patch: what the sort headers link to. */
  hrefOf: (patch: BoardPatch) => string
  view: BoardRows
  prefs: ColumnPrefs
  onResize: (column: ColumnId, widthRem: number) => void
  table: RefObject<TasksTableHandle | null>
  onRowEdge: (edge: RowEdge) => void
  detailError: Error | null
  /** Where the pointer or focus rests: the view a control there would show is asked for ahead. */
  intend: ViewIntent
} & Pick<TasksTableProps, 'selected' | 'onPick' | 'onRowMenu'>

/** The tab panel: notices, the table (or its skeleton, or why it is empty) and the pager. */
export function TaskListPanel({
  board,
  update,
  hrefOf,
  view,
  prefs,
  onResize,
  table,
  onRowEdge,
  detailError,
  intend,
  ...picking
}: TaskListPanelProps) {
  const { t } = useI18n()
  const { tasks, page, rows, viewKey } = view
  return (
    <section id={TASKS_PANEL_ID} role="tabpanel" aria-labelledby={tabId(board.tab)} className="board__panel">
      <PanelNotices view={view} detailError={detailError} />
      <ErrorBoundary
        resetKeys={[viewKey]}
        fallback={(error, reset) => <RenderErrorNotice what={t.board.taskList} error={error} onRetry={reset} />}
      >
        <TaskTypesProvider>
          <TasksTable
            tasks={rows}
            busy={view.stale}
            reading={view.reading}
            sort={shownSort(board)}
            sortHref={(sort) => hrefOf({ sort })}
            onSortChange={(sort) => update({ sort })}
            onSortIntent={(sort) => intend(sort && { sort })}
            skeletonRows={page || tasks.isError ? 0 : SKELETON_ROWS}
            onRowEdge={onRowEdge}
            prefs={prefs}
            onResize={onResize}
            viewKey={viewKey}
            {...picking}
            ref={table}
          />
        </TaskTypesProvider>
      </ErrorBoundary>
      {!page && !tasks.isError && (
        <p className="visually-hidden" role="status">
          {t.board.loading}
        </p>
      )}
      {page && !tasks.isPlaceholderData && (
        <EmptyState board={board} answered={page.tasks.length} shown={rows.length} onChange={update} />
      )}
      {page && (
        <div className="board__footer">
          <Pager
            page={board.page}
            size={board.size}
            count={tasks.isPlaceholderData || view.reading ? null : page.tasks.length}
            hasNext={view.hasNext}
            totalCount={page.totalCount}
            onPage={(next) => update({ page: next })}
            onSize={(size) => update({ size })}
            onNextIntent={view.prefetchNext}
          />
          <UpdatedAgo updatedAt={tasks.dataUpdatedAt} />
        </div>
      )}
    </section>
  )
}
