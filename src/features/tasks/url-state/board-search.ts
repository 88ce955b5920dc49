import { TASK_SORT_FIELDS, type TaskSortField } from '../api/list-query.ts'
import { PRIORITY_ORDER } from '../catalog.ts'
import {
  DEFAULT_BOARD,
  FILTER_KEYS,
  ME,
  PAGE_SIZES,
  TABS,
  UNASSIGNED,
  type BoardSort,
  type BoardState,
  type PageSize,
  type Tab,
} from './board-state.ts'

/** Why a value was left out; the notice puts it in words. */
export const IGNORED_REASONS = [
  'repeated',
  'not-a-tab',
  'too-long',
  'not-a-user',
  'not-a-priority',
  'not-a-type',
  'not-a-customer',
  'not-a-boolean',
  'not-a-sort',
  'not-a-page',
  'not-a-size',
  'too-many',
] as const
export type IgnoredReason = (typeof IGNORED_REASONS)[number]

/** A query parameter the board read and could not use. */
export interface IgnoredParam {
  name: BoardParam
  value: string
  reason: IgnoredReason
}

/** The parameters the board owns, in the order they are written. */
export const BOARD_PARAMS = ['tab', ...FILTER_KEYS, 'sort', 'page', 'size'] as const
export type BoardParam = (typeof BOARD_PARAMS)[number]

export const MAX_QUERY_LENGTH = 200
/** Deeper than any real list; keeps offsets within what a server can take. */
export const MAX_PAGE = 100_000
/** More values than this in one filter is not a view anyone built by hand. */
const MAX_LIST_ITEMS = 100

const OBJECT_ID = /^[0-9a-f]{24}$/i
/** Priorities are free strings in the API; this keeps them to what fits in a URL and a request. */
const PRIORITY_VALUE = /^[\p{L}\p{N}_-]{1,40}$/u
// Control characters have no place in a search and only make URLs unreadable.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/g

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

  function list(name: BoardParam, valid: (item: string) => boolean, reason: IgnoredReason): string[] {
    const items: string[] = []
    for (const raw of search.getAll(name).flatMap((value) => value.split(','))) {
      const item = raw.trim()
      if (item === '') continue
      if (!valid(item)) ignore(name, item, reason)
      else if (!items.includes(item)) items.push(item)
    }
    if (items.length > MAX_LIST_ITEMS) {
      ignore(name, `${items.length - MAX_LIST_ITEMS} more values`, 'too-many')
      items.length = MAX_LIST_ITEMS
    }
    return items
  }

  const board: BoardState = { ...DEFAULT_BOARD }

  const tab = single('tab')
  if (tab !== null) {
    if (isTab(tab)) board.tab = tab
    else ignore('tab', tab, 'not-a-tab')
  }

  const q = single('q')
  if (q !== null) {
    const text = q.replace(CONTROL_CHARACTERS, ' ').trim()
    if (text.length > MAX_QUERY_LENGTH) ignore('q', q, 'too-long')
    else board.q = text
  }

  board.assignee = sortAssignees(
    list('assignee', (item) => item === UNASSIGNED || item === ME || OBJECT_ID.test(item), 'not-a-user'),
  )
  board.priority = sortPriorities(list('priority', (item) => PRIORITY_VALUE.test(item), 'not-a-priority'))
  board.type = list('type', (item) => OBJECT_ID.test(item), 'not-a-type').sort()
  board.customer = list('customer', (item) => OBJECT_ID.test(item), 'not-a-customer').sort()

  const recurring = single('recurring')
  if (recurring !== null) {
    if (recurring === 'true' || recurring === 'false') board.recurring = recurring === 'true'
    else ignore('recurring', recurring, 'not-a-boolean')
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
  put('q', board.q, board.q === '')
  put('assignee', sortAssignees(board.assignee).join(','), board.assignee.length === 0)
  put('priority', sortPriorities(board.priority).join(','), board.priority.length === 0)
  put('type', [...new Set(board.type)].sort().join(','), board.type.length === 0)
  put('customer', [...new Set(board.customer)].sort().join(','), board.customer.length === 0)
  put('recurring', board.recurring === null ? '' : String(board.recurring), board.recurring === null)
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

/** `unassigned` and `me` first, then user ids: one order for one set. */
function sortAssignees(values: readonly string[]): string[] {
  const unique = [...new Set(values)]
  const special = [UNASSIGNED, ME].filter((value) => unique.includes(value))
  const ids = unique.filter((value) => value !== UNASSIGNED && value !== ME).sort()
  return [...special, ...ids]
}

/** Known priorities in urgency order, then any others alphabetically. */
function sortPriorities(values: readonly string[]): string[] {
  const unique = [...new Set(values)]
  const known = PRIORITY_ORDER.filter((priority) => unique.includes(priority))
  const others = unique.filter((value) => !(PRIORITY_ORDER as readonly string[]).includes(value)).sort()
  return [...known, ...others]
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
