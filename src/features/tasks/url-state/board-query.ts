import { UNASSIGNED_USER_ID, type TaskListQuery } from '../api/list-query.ts'
import { ACTIVE_STATUSES, ME, UNASSIGNED, type BoardState, type Tab } from './board-state.ts'

/**
 * The one mapping from a board view to an API request. `selfId` is the id of
 * the user the API key belongs to. A view that names `me` while it is not
 * known is not ready: null, so no caller can send a request that quietly
 * leaves `me` out.
 */
export function toTaskListQuery(board: BoardState, selfId: string | null = null): TaskListQuery | null {
  if (board.assignee.includes(ME) && selfId === null) return null
  const query: TaskListQuery = {
    limit: board.size,
    offset: (board.page - 1) * board.size,
    sort: { by: board.sort.field, direction: board.sort.direction },
  }
  const statuses = statusesOf(board.tab)
  if (statuses) query.taskStatus = statuses
  const userIds = board.assignee.flatMap((value) => {
    if (value === UNASSIGNED) return [UNASSIGNED_USER_ID]
    if (value === ME) return selfId === null ? [] : [selfId]
    return [value]
  })
  if (userIds.length > 0) query.userIds = userIds
  if (board.priority.length > 0) query.priority = board.priority
  if (board.type.length > 0) query.taskType = board.type
  if (board.customer.length > 0) query.customer = board.customer
  if (board.recurring !== null) query.taskFromRecurringTemplate = board.recurring
  if (board.q !== '') query.taskByTitleIdentifier = board.q
  return query
}

function statusesOf(tab: Tab): readonly string[] | null {
  if (tab === 'all') return null
  if (tab === 'active') return ACTIVE_STATUSES
  return [tab]
}
