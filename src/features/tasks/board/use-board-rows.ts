import type { BoardState } from '../url-state/board-state.ts'
import { useBoardTasks } from './use-board-tasks.ts'
import { useStableRows } from './use-stable-rows.ts'

/**
 * The rows the table shows for a view: the view's page once it is there,
 * pinned against reshuffling by background refreshes; until then the
 * previous view's rows, flagged `stale` so they show dimmed.
 */
export function useBoardRows(board: BoardState) {
  const { query, tasks, hasNext, prefetchNext, self } = useBoardTasks(board)
  const page = tasks.data
  const viewKey = JSON.stringify(query)
  const stable = useStableRows(viewKey, tasks.isPlaceholderData ? undefined : page?.tasks)
  const rows = tasks.isPlaceholderData ? (page?.tasks ?? []) : stable.rows
  // Rows of an earlier view, kept while this one loads or after it failed.
  const stale = tasks.isPlaceholderData || (page === undefined && rows.length > 0)
  return { viewKey, tasks, page, rows, stale, stable, hasNext, prefetchNext, self }
}
export type BoardRows = ReturnType<typeof useBoardRows>
