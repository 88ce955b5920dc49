import { useCallback, useMemo, useState } from 'react'
import { useParams } from 'react-router'
import { ColumnMenu } from '../table/column-menu.tsx'
import { useColumnPrefs } from '../table/column-prefs.ts'
import { useBoard } from '../url-state/use-board.ts'
import { BoardTabs } from './board-tabs.tsx'
import { BoardTop } from './board-top.tsx'
import { usePreloadWhenIdle, useDeferredPart } from '../../../lib/deferred/deferred-part.ts'
import { detailPanel, liveUpdatesPart, PRELOADED_PARTS, selectionBarPart } from './deferred-parts.ts'
import { useRowSelection } from './use-row-selection.ts'
import type { RowMenuRequest } from '../table/tasks-table.tsx'
import { IgnoredParamsNotice } from './notices/ignored-params-notice.tsx'
import { OfflineNotice } from './notices/offline-notice.tsx'
import { TaskListPanel } from './task-list-panel.tsx'
import { useBoardKeys } from './use-board-keys.ts'
import { useBoardRows } from './use-board-rows.ts'
import { useRowPaging } from './use-row-paging.ts'
import { useShortcutsDialog } from './use-shortcuts-dialog.ts'
import { useTabCounts } from './use-tab-counts.ts'
import { useViewIntent } from './use-view-intent.ts'

/**
 * Composes the chain URL → board state → query → table, with the task panel
 * beside it. Each policy lives in the hook or component it names.
 */
export function BoardPage() {
  const { taskId } = useParams()
  const { board, ignored, dismissIgnored, update, hrefOf } = useBoard()
  const view = useBoardRows(board)
  const { tasks, page } = view
  const paging = useRowPaging({
    page: board.page,
    hasNext: view.hasNext,
    settled: !tasks.isPlaceholderData,
    rows: tasks.data,
    update,
  })
  const intend = useViewIntent(board, view.self.data?.id ?? null)
  const { prefs, save, resize } = useColumnPrefs()
  const columnMenu = useMemo(() => <ColumnMenu prefs={prefs} onChange={save} />, [prefs, save])
  const help = useShortcutsDialog()
  const detail = useDeferredPart(detailPanel, taskId)
  const Detail = detail.loaded?.TaskDetailPanel

  const answered = page !== undefined || tasks.isError
  usePreloadWhenIdle(PRELOADED_PARTS, answered)
  const tabCounts = useTabCounts(board, answered)
  const [viewsOpen, setViewsOpen] = useState(false)
  const openViews = useCallback(() => setViewsOpen(true), [])
  useBoardKeys({ onHelp: help.openHelp, onEnterTable: paging.enterTable, onViews: openViews })

  // Rows picked for a change on many tasks: the pages of one view share them; another view starts afresh.
  const selection = useRowSelection(view.rows, JSON.stringify({ ...board, page: 0 }))
  // Fetched with the other parts once the first rows are there and the page is idle; it says whether this person
  // may change tasks at all (the session knows), and only then may rows be picked.
  const changes = selectionBarPart.useLoaded()
  const live = liveUpdatesPart.useLoaded()
  const [canPick, setCanPick] = useState(false)
  const [rowMenu, setRowMenu] = useState<RowMenuRequest | null>(null)
  const closeRowMenu = useCallback(() => setRowMenu(null), [])

  return (
    <main className="board">
      <BoardTop
        board={board}
        update={update}
        onHelp={help.openHelp}
        columnMenu={columnMenu}
        viewsOpen={viewsOpen}
        onViewsOpenChange={setViewsOpen}
        ready={answered}
      />
      <OfflineNotice />
      <IgnoredParamsNotice ignored={ignored} onDismiss={dismissIgnored} />
      <BoardTabs
        current={board.tab}
        hrefOf={(tab) => hrefOf({ tab })}
        onSelect={(tab) => update({ tab })}
        onIntent={(tab) => intend(tab && { tab })}
        counts={tabCounts}
      />
      <TaskListPanel
        board={board}
        update={update}
        hrefOf={hrefOf}
        view={view}
        prefs={prefs}
        onResize={resize}
        table={paging.table}
        onRowEdge={paging.onRowEdge}
        detailError={taskId !== undefined && !Detail ? detail.error : null}
        intend={intend}
        selected={canPick ? selection.ids : undefined}
        onPick={canPick ? selection.pick : undefined}
        onRowMenu={canPick ? setRowMenu : undefined}
      />
      {changes && (
        <changes.SelectionBar selection={selection.selected} onClear={selection.clear} onWritable={setCanPick} />
      )}
      {changes && rowMenu && (
        <changes.RowMenu
          key={rowMenu.index}
          request={rowMenu}
          picked={selection.ids.has(view.rows[rowMenu.index]?._id ?? '')}
          onPick={() => selection.pick(rowMenu.index, false)}
          onClose={closeRowMenu}
        />
      )}
      {live && <live.LiveUpdates />}
      {taskId !== undefined && Detail && <Detail key={taskId} taskId={taskId} />}
      {help.Dialog && <help.Dialog open={help.open} onClose={help.close} />}
    </main>
  )
}
