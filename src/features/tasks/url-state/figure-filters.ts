import { toWireParams } from '../../../shared/tasks/api/list-query.ts'
import { toTaskListQuery } from '../../../shared/tasks/url-state/board-query.ts'
import { BOARD_FILTERS } from '../../../shared/tasks/url-state/board-filters.ts'
import { activeFilters, TABS, type BoardState, type Tab } from '../../../shared/tasks/url-state/board-state.ts'

/** Paging and order: what a request adds to its filters, and what no count or workload may carry. */
const NOT_FILTERS = ['limit', 'offset', 'sort'] as const

/**
 * The filters of a view as the app server's figures take them: the wire
 * form of the one board → API mapping, without paging and sort. `null`
 * while the view cannot be asked for (`me` not known yet), and for a view
 * that sets a filter the figures do not take (its table entry is not
 * `counted`): no figure rather than one for other tasks.
 */
export function toFilterSet(board: BoardState, selfId: string | null): string | null {
  if (activeFilters(board).some((key) => !BOARD_FILTERS[key].counted)) return null
  const query = toTaskListQuery(board, selfId)
  if (query === null) return null
  const params = toWireParams(query)
  for (const name of NOT_FILTERS) params.delete(name)
  return params.toString()
}

/** One filter set per tab, in the tabs' order, under the view's other filters. */
export function toTabFilterSets(board: BoardState, selfId: string | null): string[] | null {
  const sets = TABS.map((tab: Tab) => toFilterSet({ ...board, tab }, selfId))
  return sets.every((set): set is string => set !== null) ? sets : null
}

/**
 * The workload covers the active tasks of the view's filters; its tab does
 * not narrow it, nor does showing only the changes since a moment (a
 * technician's load is all their tasks, changed lately or not).
 */
export function toWorkloadFilters(board: BoardState, selfId: string | null): string | null {
  return toFilterSet({ ...board, tab: 'all', changed: null }, selfId)
}
