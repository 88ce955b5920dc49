import { TASK_SORT_FIELDS, type TaskSortField } from '../api/list-query.ts'
import type { FilterReason } from './board-filters.ts'
import {
  DEFAULT_BOARD,
  FILTER_KEYS,
  FILTERS,
  PAGE_SIZES,
  TABS,
  type BoardSort,
  type BoardState,
  type PageSize,
  type Tab,
} from './board-state.ts'

/** Why a value was left out; the notice puts it in words. The filters' reasons come from their codecs. */
export const IGNORED_REASONS: readonly IgnoredReason[] = [
  ...new Set<IgnoredReason>([
    'repeated',
    'not-a-tab',
    ...FILTERS.flatMap(([, filter]) => filter.codec.reasons as readonly FilterReason[]),
    'not-a-sort',
    'not-a-page',
    'not-a-size',
  ]),
]
export type IgnoredReason = 'repeated' | 'not-a-tab' | FilterReason | 'not-a-sort' | 'not-a-page' | 'not-a-size'

/** A query parameter the board read and could not use. */
export interface IgnoredParam {
  name: BoardParam
  value: string
  reason: IgnoredReason
}

/** The parameters the board owns, in the order they are written. */
export const BOARD_PARAMS = ['tab', ...FILTER_KEYS, 'sort', 'page', 'size'] as const
export type BoardParam = (typeof BOARD_PARAMS)[number]

/** Deeper than any real list; keeps offsets within what a server can take. */
export const MAX_PAGE = 100_000

const SORT_DIRECTIONS = { asc: 1, desc: -1 } as const

/**
 * Reads the board's view from a query string. Never throws: every value that
 * cannot be used is left at its default and reported in `ignored`. Repeated
 * keys of list parameters are merged; of single-valued ones the first wins.
 */
export function parseBoardSearch(search: URLSearchParams): { board: BoardState; ignored: IgnoredParam[] } {
  const ignored: IgnoredParam[] = []
  const ignore = (name: BoardParam, value: string, reason: IgnoredReason) => ignored.push({ name, value, reason })

  function single(name: BoardParam): string | null {
    const values = search.getAll(name)
    for (const extra of values.slice(1)) ignore(name, extra, 'repeated')
    return values[0] ?? null
  }

  const board: BoardState = { ...DEFAULT_BOARD }

  const tab = single('tab')
  if (tab !== null) {
    if (isTab(tab)) board.tab = tab
    else ignore('tab', tab, 'not-a-tab')
  }

  for (const [key, filter] of FILTERS) {
    const value = filter.codec.parse(search.getAll(key), (item, reason) => ignore(key, item, reason as FilterReason))
    // Each filter's codec gives the value of its own field.
    Object.assign(board, { [key]: value })
  }

  const sort = single('sort')
  if (sort !== null) {
    const parsed = parseSort(sort)
    if (parsed) board.sort = parsed
    else ignore('sort', sort, 'not-a-sort')
  }

  const page = single('page')
  if (page !== null) {
    const number = /^\d{1,6}$/.test(page) ? Number(page) : Number.NaN
    if (number >= 1 && number <= MAX_PAGE) board.page = number
    else ignore('page', page, 'not-a-page')
  }

  const size = single('size')
  if (size !== null) {
    const number = Number(size)
    if (/^\d+$/.test(size) && isPageSize(number)) board.size = number
    else ignore('size', size, 'not-a-size')
  }

  return { board, ignored }
}

export interface FormatOptions {
  /** Write every parameter, defaults included: for links meant to keep their meaning. */
  explicit?: boolean
}

/**
 * Writes a view as a query string: the board's parameters in a fixed order,
 * defaults left out (unless `explicit`), then every parameter the board does
 * not own, untouched and in its original order. One string per view.
 */
export function formatBoardSearch(
  board: BoardState,
  passthrough: URLSearchParams = new URLSearchParams(),
  { explicit = false }: FormatOptions = {},
): URLSearchParams {
  const params = new URLSearchParams()
  const put = (name: BoardParam, value: string, isDefault: boolean) => {
    if (explicit || !isDefault) params.set(name, value)
  }
  put('tab', board.tab, board.tab === DEFAULT_BOARD.tab)
  for (const [key, filter] of FILTERS) put(key, filter.codec.format(board[key]), filter.codec.isDefault(board[key]))
  put('sort', formatSort(board.sort), sameSort(board.sort, DEFAULT_BOARD.sort))
  put('page', String(board.page), board.page === DEFAULT_BOARD.page)
  put('size', String(board.size), board.size === DEFAULT_BOARD.size)
  for (const [name, value] of passthrough) {
    if (!isBoardParam(name)) params.append(name, value)
  }
  return params
}

export function formatSort(sort: BoardSort): string {
  return `${sort.field}:${sort.direction === 1 ? 'asc' : 'desc'}`
}

export function sameSort(a: BoardSort, b: BoardSort): boolean {
  return a.field === b.field && a.direction === b.direction
}

function parseSort(value: string): BoardSort | null {
  const separator = value.lastIndexOf(':')
  if (separator < 0) return null
  const field = value.slice(0, separator)
  const direction = value.slice(separator + 1)
  if (!isSortField(field) || !Object.hasOwn(SORT_DIRECTIONS, direction)) return null
  return { field, direction: SORT_DIRECTIONS[direction as keyof typeof SORT_DIRECTIONS] }
}

function isTab(value: string): value is Tab {
  return (TABS as readonly string[]).includes(value)
}

function isSortField(value: string): value is TaskSortField {
  return (TASK_SORT_FIELDS as readonly string[]).includes(value)
}

function isPageSize(value: number): value is PageSize {
  return (PAGE_SIZES as readonly number[]).includes(value)
}

function isBoardParam(name: string): name is BoardParam {
  return (BOARD_PARAMS as readonly string[]).includes(name)
}
