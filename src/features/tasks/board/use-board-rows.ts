import { useQueryClient } from '@tanstack/react-query'
import type { Task } from '../../../shared/tasks/api/schemas.ts'
import type { BoardState } from '../../../shared/tasks/url-state/board-state.ts'
import { taskQueries } from '../api/queries.ts'
import { useBoardTasks } from './use-board-tasks.ts'
import { useStableRows } from './use-stable-rows.ts'

/**
 * The rows the table shows for a view: the view's page once it is there,
 * pinned against reshuffling by background refreshes; until then the
 * previous view's rows, flagged `stale` so they show dimmed. A long page's
 * first rows show while the rest is read (`reading`); the whole page is
 * pinned once it is there.
 */
export function useBoardRows(board: BoardState) {
  const { query, tasks, hasNext, prefetchNext, self } = useBoardTasks(board)
  const page = tasks.data
  const viewKey = JSON.stringify(query)
  const reading = page?.partial === true && !tasks.isPlaceholderData
  const asItComes = tasks.isPlaceholderData || reading
  const queryClient = useQueryClient()
  const stable = useStableRows(viewKey, asItComes ? undefined : page?.tasks, (id) =>
    queryClient.getQueryData<Task>(taskQueries.detail(id).queryKey),
  )
  const rows = asItComes ? (page?.tasks ?? []) : stable.rows
  // Rows of an earlier view, kept while this one loads or after it failed.
  const stale = tasks.isPlaceholderData || (page === undefined && rows.length > 0)
  return { viewKey, tasks, page, rows, stale, reading, stable, hasNext, prefetchNext, self }
}
export type BoardRows = ReturnType<typeof useBoardRows>
