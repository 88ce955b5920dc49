/** Fields the tasks list can be sorted by, as the API names them. */
export const TASK_SORT_FIELDS = [
  'title',
  'identifierNumber',
  'taskStatus',
  'priority',
  'dueDate',
  'assignee.name',
  'status.createdAt',
  'status.lastModifiedAt',
] as const
export type TaskSortField = (typeof TASK_SORT_FIELDS)[number]

export type SortDirection = 1 | -1

/** Token `userIds` understands as "has no assignee". */
export const UNASSIGNED_USER_ID = 'unassigned_jobs'

/**
 * A request for one page of tasks, in API terms. Lists are OR-ed within a
 * filter and AND-ed across filters; an absent or empty list does not filter.
 */
export interface TaskListQuery {
  limit: number
  offset: number
  sort?: { by: TaskSortField; direction: SortDirection }
  taskStatus?: readonly string[]
  /** User ids and/or `UNASSIGNED_USER_ID`. */
  userIds?: readonly string[]
  priority?: readonly string[]
  taskType?: readonly string[]
  customer?: readonly string[]
  taskFromRecurringTemplate?: boolean
  taskByTitleIdentifier?: string
  /**
   * Only tasks whose last change is after this moment (epoch ms). Not a
   * parameter of the API, which cannot filter by it: the request goes as it
   * is (sorted newest change first) and its rows are cut where the changes
   * end (`keepChangedSince`).
   */
  changedSince?: number
}

/**
 * The wire format of a task list request, in a fixed parameter order so equal
 * queries give equal URLs.
 *
 * - Lists go as one comma-separated value: the PHP backend reads repeated
 *   keys inconsistently, and the comma form is documented for every filter.
 * - Sort goes in the JSON form: the live API rejects the documented
 *   `dueDate:1` with 400 "Sorting needs by and direction".
 */
export function toWireParams(query: TaskListQuery): URLSearchParams {
  const params = new URLSearchParams()
  params.set('limit', String(query.limit))
  params.set('offset', String(query.offset))
  if (query.sort) params.set('sort', JSON.stringify({ by: query.sort.by, direction: query.sort.direction }))
  setList(params, 'taskStatus', query.taskStatus)
  setList(params, 'userIds', query.userIds)
  setList(params, 'priority', query.priority)
  setList(params, 'taskType', query.taskType)
  setList(params, 'customer', query.customer)
  if (query.taskFromRecurringTemplate !== undefined) {
    params.set('taskFromRecurringTemplate', String(query.taskFromRecurringTemplate))
  }
  const search = query.taskByTitleIdentifier?.trim()
  if (search) params.set('taskByTitleIdentifier', search)
  return params
}

function setList(params: URLSearchParams, name: string, values: readonly string[] | undefined): void {
  const items = [...new Set((values ?? []).map((value) => value.trim()).filter(Boolean))]
  if (items.length > 0) params.set(name, items.join(','))
}

/** The query string of the board's one request for the task types: the documented maximum (a company has a handful). */
export const TASK_TYPES_REQUEST = 'limit=1000'
