import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useParams } from 'react-router'
import { useTaskTypes } from '../api/use-lookups.ts'
import { TaskTypesContext } from '../table/task-types-context.ts'
import type { RowEdge } from '../table/row-keyboard.ts'
import { TasksTable, type TasksTableHandle } from '../table/tasks-table.tsx'
import { useBoard } from '../url-state/use-board.ts'
import { CLEAR_FILTERS, hasFilters } from '../url-state/board-state.ts'
import { BoardTabs, TASKS_PANEL_ID, tabId } from './board-tabs.tsx'
import { ErrorBoundary, RenderErrorNotice } from '../../../components/ui/error-boundary.tsx'
import { LanguageSwitch } from '../../../components/ui/language-switch.tsx'
import { ThemeSwitch } from '../../../components/ui/theme-switch.tsx'
import { useI18n } from '../../../lib/i18n/i18n.tsx'
import { isApiError } from '../../../lib/api-error.ts'
import { ApiKeyPrompt, ForgetKeyButton, useStoredApiKey } from './api-key-prompt.tsx'
import { useColumnPrefs } from '../table/column-prefs.ts'
import { ColumnMenu } from '../table/column-menu.tsx'
import { CopyLinkButton } from './copy-link-button.tsx'
import { detailPanel, preloadDeferredParts, shortcutsDialog } from './deferred-parts.ts'
import { whenIdle } from '../../../lib/when-idle.ts'
import { ErrorNotice } from './notices/error-notice.tsx'
import { FilterBar } from './filters/filter-bar.tsx'
import { NewRowsNotice, UpdatedAgo } from './notices/freshness.tsx'
import { IgnoredParamsNotice } from './notices/ignored-params-notice.tsx'
import { OfflineNotice } from './notices/offline-notice.tsx'
import { Pager } from './pager.tsx'
import { SearchBox } from './filters/search-box.tsx'
import { SkippedRowsNotice } from './notices/skipped-rows-notice.tsx'
import { useBoardKeys } from './use-board-keys.ts'
import { useBoardTasks } from './use-board-tasks.ts'
import { useStableRows } from './use-stable-rows.ts'

const SKELETON_ROWS = 10

/** Composes the chain URL → board state → query → table; owns no state of its own. */
export function BoardPage() {
  const { t } = useI18n()
  const { taskId } = useParams()
  const { board, ignored, dismissIgnored, update } = useBoard()
  const { query, tasks, hasNext, prefetchNext, self } = useBoardTasks(board)
  const types = useTaskTypes()
  const typesById = useMemo(() => new Map((types.data ?? []).map((type) => [type._id, type])), [types.data])

  const page = tasks.data
  const viewKey = JSON.stringify(query)
  const stable = useStableRows(viewKey, tasks.isPlaceholderData ? undefined : page?.tasks)
  const rows = tasks.isPlaceholderData ? (page?.tasks ?? []) : stable.rows
  // Rows of an earlier view, kept while this one loads or after it failed: shown dimmed.
  const stale = tasks.isPlaceholderData || (page === undefined && rows.length > 0)

  // Arrowing past the last row turns the page; focus lands on the new page's first (or last) row.
  const table = useRef<TasksTableHandle>(null)
  const [focusAfterTurn, setFocusAfterTurn] = useState<{ page: number; row: 'first' | 'last' } | null>(null)
  useEffect(() => {
    if (!focusAfterTurn || focusAfterTurn.page !== board.page || tasks.isPlaceholderData) return
    if (table.current?.focusRow(focusAfterTurn.row)) setFocusAfterTurn(null)
  }, [tasks.data, focusAfterTurn, board.page, tasks.isPlaceholderData])
  function onRowEdge(edge: RowEdge) {
    if (edge === 'after-last' && hasNext) {
      setFocusAfterTurn({ page: board.page + 1, row: 'first' })
      update({ page: board.page + 1 })
    } else if (edge === 'before-first' && board.page > 1) {
      setFocusAfterTurn({ page: board.page - 1, row: 'last' })
      update({ page: board.page - 1 })
    }
  }
  const hasStoredKey = useStoredApiKey()
  const columnPrefs = useColumnPrefs()
  const columnMenu = useMemo(
    () => <ColumnMenu prefs={columnPrefs.prefs} onChange={columnPrefs.save} />,
    [columnPrefs.prefs, columnPrefs.save],
  )
  const [helpOpen, setHelpOpen] = useState(false)
  const openHelp = useCallback(() => {
    setHelpOpen(true)
    shortcutsDialog.load().catch(() => setHelpOpen(false))
  }, [])
  const Shortcuts = shortcutsDialog.useLoaded()?.ShortcutsDialog
  const Detail = detailPanel.useLoaded()?.TaskDetailPanel
  // The panel's code could not be fetched (offline since the page loaded): say so rather than show nothing.
  const [detailUnavailable, setDetailUnavailable] = useState<Error | null>(null)
  useEffect(() => {
    if (taskId === undefined) return
    detailPanel.load().then(
      () => setDetailUnavailable(null),
      (error: unknown) => setDetailUnavailable(error instanceof Error ? error : new Error(String(error))),
    )
  }, [taskId])
  const answered = page !== undefined || tasks.isError
  useEffect(() => (answered ? whenIdle(preloadDeferredParts) : undefined), [answered])
  // From outside the table, j/k land on the first row in view: where the dispatcher is looking.
  const enterTable = useCallback(() => void table.current?.focusRow('in-view'), [])
  useBoardKeys({ onHelp: openHelp, onEnterTable: enterTable })
  const pastTheEnd = page !== undefined && page.tasks.length === 0 && board.page > 1 && !tasks.isPlaceholderData
  return (
    <main className="board">
      <header className="board__header">
        <h1>{t.board.title}</h1>
        <div className="board__settings">
          <LanguageSwitch />
          <ThemeSwitch />
        </div>
      </header>
      <OfflineNotice />
      <IgnoredParamsNotice ignored={ignored} onDismiss={dismissIgnored} />
      <div className="toolbar">
        <SearchBox value={board.q} onSearch={(q) => update({ q }, { replace: true })} />
        <CopyLinkButton board={board} />
        <button type="button" className="button button--quiet" onClick={openHelp} aria-keyshortcuts="?">
          {t.board.shortcuts}
        </button>
        <ForgetKeyButton />
      </div>
      <FilterBar board={board} onChange={update} trailing={columnMenu} />
      <BoardTabs current={board.tab} onSelect={(tab) => update({ tab })} />
      <section id={TASKS_PANEL_ID} role="tabpanel" aria-labelledby={tabId(board.tab)} className="board__panel">
        {self.isError && <ErrorNotice error={self.error} onRetry={() => void self.refetch()} />}
        {taskId !== undefined && !Detail && detailUnavailable && (
          // A reload keeps the address, so the same task opens once the network is back.
          <RenderErrorNotice
            what={t.detail.theTask}
            error={detailUnavailable}
            onRetry={() => window.location.reload()}
          />
        )}
        {tasks.isError &&
          (isApiError(tasks.error) && tasks.error.status === 401 ? (
            <ApiKeyPrompt rejected={hasStoredKey} />
          ) : (
            <ErrorNotice error={tasks.error} onRetry={() => void tasks.refetch()} />
          ))}
        {page && !tasks.isPlaceholderData && <SkippedRowsNotice skipped={page.skipped} />}
        {page && (
          <div className="board__status">
            <NewRowsNotice added={stable.added} removed={stable.removed} onShow={stable.reveal} />
            <UpdatedAgo updatedAt={tasks.dataUpdatedAt} />
          </div>
        )}
        <ErrorBoundary
          resetKeys={[viewKey]}
          fallback={(error, reset) => <RenderErrorNotice what={t.board.taskList} error={error} onRetry={reset} />}
        >
          <TaskTypesContext value={typesById}>
            <TasksTable
              tasks={rows}
              busy={stale}
              sort={board.sort}
              onSortChange={(sort) => update({ sort })}
              skeletonRows={page || tasks.isError ? 0 : SKELETON_ROWS}
              onRowEdge={onRowEdge}
              prefs={columnPrefs.prefs}
              viewKey={viewKey}
              ref={table}
            />
          </TaskTypesContext>
        </ErrorBoundary>
        {!page && !tasks.isError && (
          <p className="visually-hidden" role="status">
            {t.board.loading}
          </p>
        )}
        {page &&
          (pastTheEnd ? (
            <div className="empty" role="status">
              <p>{t.board.pastTheEnd(board.page)}</p>
              <button type="button" className="button" onClick={() => update({ page: 1 })}>
                {t.board.firstPage}
              </button>
            </div>
          ) : (
            rows.length === 0 &&
            !tasks.isPlaceholderData && (
              <div className="empty" role="status">
                {hasFilters(board) ? (
                  <>
                    <p>{t.board.noMatches}</p>
                    <button type="button" className="button" onClick={() => update(CLEAR_FILTERS)}>
                      {t.board.clearFilters}
                    </button>
                  </>
                ) : (
                  <p>{t.board.emptyTab}</p>
                )}
              </div>
            )
          ))}
        {page && (
          <Pager
            page={board.page}
            size={board.size}
            count={tasks.isPlaceholderData ? null : page.tasks.length}
            hasNext={hasNext}
            totalCount={page.totalCount}
            onPage={(next) => update({ page: next })}
            onSize={(size) => update({ size })}
            onNextIntent={prefetchNext}
          />
        )}
      </section>
      {taskId !== undefined && Detail && <Detail key={taskId} taskId={taskId} />}
      {Shortcuts && <Shortcuts open={helpOpen} onClose={() => setHelpOpen(false)} />}
    </main>
  )
}
