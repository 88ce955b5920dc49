/** The workload table's columns, in order; each sorts the table. */
export const WORKLOAD_COLUMNS = ['name', 'active', 'overdue', 'dueToday', 'dueThisWeek'] as const
export type WorkloadColumn = (typeof WORKLOAD_COLUMNS)[number]

export interface WorkloadOrder {
  column: WorkloadColumn
  direction: 'asc' | 'desc'
}

/** People by name, as the app server lists them. */
export const DEFAULT_WORKLOAD_ORDER: WorkloadOrder = { column: 'name', direction: 'asc' }

/**
 * The workload's own parameter. The board's `sort` names task fields, so the
 * workload's order gets a name of its own and the board's view (filters,
 * sort, page) rides along untouched, for the way back.
 */
export const ORDER_PARAM = 'order'

/** `order=overdue:desc`. Never throws: anything else is the default order. */
export function parseWorkloadOrder(search: URLSearchParams): WorkloadOrder {
  const [column, direction, ...rest] = (search.get(ORDER_PARAM) ?? '').split(':')
  const known = (WORKLOAD_COLUMNS as readonly string[]).includes(column ?? '')
  if (!known || (direction !== 'asc' && direction !== 'desc') || rest.length > 0) return DEFAULT_WORKLOAD_ORDER
  return { column: column as WorkloadColumn, direction }
}

/** Writes `order` onto `search` (a board search); the default order is left out. */
export function formatWorkloadOrder(order: WorkloadOrder, search: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(search)
  next.delete(ORDER_PARAM)
  const isDefault =
    order.column === DEFAULT_WORKLOAD_ORDER.column && order.direction === DEFAULT_WORKLOAD_ORDER.direction
  if (!isDefault) next.set(ORDER_PARAM, `${order.column}:${order.direction}`)
  return next
}

/** A click on a column: the other direction if it is the sorted one; else names A→Z, numbers biggest first. */
export function nextWorkloadOrder(current: WorkloadOrder, column: WorkloadColumn): WorkloadOrder {
  if (current.column === column) return { column, direction: current.direction === 'asc' ? 'desc' : 'asc' }
  return { column, direction: column === 'name' ? 'asc' : 'desc' }
}
