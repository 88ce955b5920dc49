import type { SortDirection, TaskSortField } from '../api/list-query.ts'
import { TASK_STATUSES, type KnownTaskStatus } from '../api/schemas.ts'
import {
  BOARD_FILTERS,
  type BoardFilter,
  type FilterControl,
  type FilterKey,
  type FilterKeyOf,
  type FilterValues,
} from './board-filters.ts'

/** `active` is every status still needing work; `all` does not filter. */
export const TABS = ['active', ...TASK_STATUSES, 'all'] as const
export type Tab = (typeof TABS)[number]

/** The statuses the `active` tab shows. */
export const ACTIVE_STATUSES: readonly KnownTaskStatus[] = ['new', 'open', 'in_progress', 'in_review']

export const PAGE_SIZES = [25, 50, 100, 250, 500, 1000] as const
export type PageSize = (typeof PAGE_SIZES)[number]

export interface BoardSort {
  field: TaskSortField
  direction: SortDirection
}

/**
 * Everything that defines a view of the board; the URL holds exactly this.
 * The filters' fields come from their table (board-filters.ts).
 */
export interface BoardState extends FilterValues {
  tab: Tab
  sort: BoardSort
  page: number
  size: PageSize
}

/** The parameters that narrow which tasks a view shows, in the table's order; "Clear all" resets exactly these. */
export const FILTER_KEYS = Object.keys(BOARD_FILTERS) as FilterKey[]
export type FilterPatch = Partial<FilterValues>

/** The filters as code that treats every filter alike reads them, in the table's order. */
export const FILTERS: readonly (readonly [FilterKey, BoardFilter])[] = FILTER_KEYS.map((key) => [
  key,
  BOARD_FILTERS[key],
])

/** Every filter at its default: what "Clear all" writes. */
export const CLEAR_FILTERS = Object.fromEntries(
  FILTERS.map(([key, filter]) => [key, filter.codec.default]),
) as FilterValues

/**
 * The order of a view of changes (its `changed` filter): newest change
 * first, so the list can be read down to the moment. The view keeps its
 * own sort in the URL, for when it shows all its tasks again.
 */
export const CHANGES_SORT: BoardSort = { field: 'status.lastModifiedAt', direction: -1 }

/** The order the rows of a view come in, which the table's headers show. */
export function shownSort(board: BoardState): BoardSort {
  return board.changed !== null ? CHANGES_SORT : board.sort
}

export const DEFAULT_BOARD: BoardState = {
  tab: 'active',
  ...CLEAR_FILTERS,
  sort: { field: 'status.createdAt', direction: -1 },
  page: 1,
  size: 50,
}

/** The filters a view sets, in the table's order. */
export function activeFilters(board: BoardState): FilterKey[] {
  return FILTERS.filter(([key, filter]) => !filter.codec.isDefault(board[key])).map(([key]) => key)
}

export function hasFilters(board: BoardState): boolean {
  return activeFilters(board).length > 0
}

/** The filter values of a view, as one comparable string. */
export function filterKey(board: BoardState): string {
  return JSON.stringify(FILTER_KEYS.map((key) => board[key]))
}

/** Whether a filter is shown by this kind of control; narrows its key, and so its value's type. */
export function isFilterOf<C extends FilterControl>(key: FilterKey, control: C): key is FilterKeyOf<C> {
  return BOARD_FILTERS[key].control === control
}
