import type { SortDirection, TaskSortField } from '../api/list-query.ts'
import { TASK_STATUSES, type KnownTaskStatus } from '../api/schemas.ts'

/** `active` is every status still needing work; `all` does not filter. */
export const TABS = ['active', ...TASK_STATUSES, 'all'] as const
export type Tab = (typeof TABS)[number]

/** The statuses the `active` tab shows. */
export const ACTIVE_STATUSES: readonly KnownTaskStatus[] = ['new', 'open', 'in_progress', 'in_review']

export const PAGE_SIZES = [25, 50, 100, 250, 500, 1000] as const
export type PageSize = (typeof PAGE_SIZES)[number]

/** Assignee values with a meaning of their own beside user ids. */
export const UNASSIGNED = 'unassigned'
export const ME = 'me'

export interface BoardSort {
  field: TaskSortField
  direction: SortDirection
}

/** Everything that defines a view of the board; the URL holds exactly this. */
export interface BoardState {
  tab: Tab
  q: string
  /** User ids, `unassigned` and/or `me`. */
  assignee: readonly string[]
  priority: readonly string[]
  type: readonly string[]
  customer: readonly string[]
  recurring: boolean | null
  sort: BoardSort
  page: number
  size: PageSize
}

export const DEFAULT_BOARD: BoardState = {
  tab: 'active',
  q: '',
  assignee: [],
  priority: [],
  type: [],
  customer: [],
  recurring: null,
  sort: { field: 'status.createdAt', direction: -1 },
  page: 1,
  size: 50,
}

/** The parameters that narrow which tasks a view shows; "Clear all" resets exactly these. */
export const FILTER_KEYS = [
  'q',
  'assignee',
  'priority',
  'type',
  'customer',
  'recurring',
] as const satisfies readonly (keyof BoardState)[]
export type FilterKey = (typeof FILTER_KEYS)[number]
export type FilterPatch = Partial<Pick<BoardState, FilterKey>>

/** Every filter at its default: what "Clear all" writes. */
export const CLEAR_FILTERS: FilterPatch = Object.fromEntries(FILTER_KEYS.map((key) => [key, DEFAULT_BOARD[key]]))

export function hasFilters(board: BoardState): boolean {
  return FILTER_KEYS.some((key) => JSON.stringify(board[key]) !== JSON.stringify(DEFAULT_BOARD[key]))
}

/** The filter values of a view, as one comparable string. */
export function filterKey(board: BoardState): string {
  return JSON.stringify(FILTER_KEYS.map((key) => board[key]))
}
