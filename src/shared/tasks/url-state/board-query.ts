import type { TaskListQuery } from '../api/list-query.ts'
import { ACTIVE_STATUSES, FILTERS, shownSort, type BoardState, type Tab } from './board-state.ts'

/**
 * The one mapping from a board view to an API request; each filter's part
 * is its table entry's `api` (board-filters.ts). `selfId` is the id of the
 * user the API key belongs to. A view that names `me` while it is not known
 * is not ready: null, so no caller can send a request that quietly leaves
 * `me` out.
 */
export function toTaskListQuery(board: BoardState, selfId: string | null = null): TaskListQuery | null {
  const sort = shownSort(board)
  const query: TaskListQuery = {
    limit: board.size,
    offset: (board.page - 1) * board.size,
    sort: { by: sort.field, direction: sort.direction },
  }
  const statuses = statusesOf(board.tab)
  if (statuses) query.taskStatus = statuses
  for (const [key, filter] of FILTERS) {
    const value = filter.api.to(board[key], selfId)
    if (value === null) return null
    // Each filter's mapping gives the value of its own parameter.
    if (value !== undefined) Object.assign(query, { [filter.api.param]: value })
  }
  return query
}

function statusesOf(tab: Tab): readonly string[] | null {
  if (tab === 'all') return null
  if (tab === 'active') return ACTIVE_STATUSES
  return [tab]
}
