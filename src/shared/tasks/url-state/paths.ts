import { formatBoardSearch, type FormatOptions } from './board-search.ts'
import { UNASSIGNED } from './board-filters.ts'
import type { BoardState } from './board-state.ts'
import { applyPatch, type BoardPatch } from './board-writer.ts'
import { formatSearchString } from './search-string.ts'
import { DEFAULT_WORKLOAD_ORDER, formatWorkloadOrder, type WorkloadOrder } from './workload-order.ts'

/** The only builders of app URLs (and the route patterns they match). */
export const BOARD_PATH = '/tasks'
export const TASK_ROUTE = `${BOARD_PATH}/:taskId`
export const WORKLOAD_PATH = '/workload'
/** One technician's tasks for a day or a week, to print. */
export const DAY_SHEET_PATH = '/day-sheet'
/** A saved view's short link: the app server redirects it to the view's board URL. */
export const SHORT_LINK_ROUTE = '/v/:viewId'

/** Whether a path shows the board (`/` redirects to it; a task opens over it). */
export function isBoardPath(pathname: string): boolean {
  return pathname === '/' || pathname === BOARD_PATH || pathname.startsWith(`${BOARD_PATH}/`)
}

/** The board with a query string kept as it is (a shortened link, a closed task). */
export function boardHrefKeeping(search: string): string {
  return withSearch(BOARD_PATH, search.replace(/^\?/, ''))
}

/** The board showing `board`, keeping parameters it does not own. */
export function boardHref(
  board: BoardState,
  passthrough: URLSearchParams = new URLSearchParams(),
  options: FormatOptions = {},
): string {
  return withSearch(BOARD_PATH, formatSearchString(formatBoardSearch(board, passthrough, options)))
}

/**
 * The view a control leads to, as a link relative to the page it is on (a
 * task open over the board stays open): the address the board's writer would
 * write for the same patch. Never a bare query, which would open the
 * person's default view on arrival instead: the tab is then written out.
 */
export function viewHref(board: BoardState, patch: BoardPatch, passthrough: URLSearchParams): string {
  const next = applyPatch(board, patch)
  const search = formatBoardSearch(next, passthrough)
  return `?${formatSearchString(search.size > 0 ? search : new URLSearchParams({ tab: next.tab }))}`
}

/** The board with one task's detail open, keeping the view around it. */
export function taskHref(taskId: string, search: URLSearchParams): string {
  return withSearch(taskPath(taskId), formatSearchString(search))
}

/** One task's path, without a query. */
export function taskPath(taskId: string): string {
  return `${BOARD_PATH}/${encodeURIComponent(taskId)}`
}

/** The workload of the board's filters; the board's own view rides along for the way back. */
export function workloadHref(board: BoardState, order: WorkloadOrder = DEFAULT_WORKLOAD_ORDER): string {
  return withSearch(WORKLOAD_PATH, formatSearchString(formatWorkloadOrder(order, formatBoardSearch(board))))
}

/**
 * One person's slice of the board, from a workload row: their active tasks,
 * or (for the due slices, which the board cannot filter by) their active
 * tasks soonest due first. `assigneeId` null is the unassigned pile.
 */
export function personBoardHref(board: BoardState, assigneeId: string | null, slice: 'active' | 'due'): string {
  const person: BoardState = { ...board, tab: 'active', assignee: [assigneeId ?? UNASSIGNED], page: 1 }
  return boardHref(slice === 'due' ? { ...person, sort: { field: 'dueDate', direction: 1 } } : person)
}

/** A saved view's short link, without origin. */
export function shortLinkPath(viewId: string): string {
  return `/v/${encodeURIComponent(viewId)}`
}

/**
 * An absolute link to the board showing `board` with every parameter written
 * out, defaults included, so the link keeps its meaning if a default changes.
 * The app's URLs never carry credentials, so neither does the link.
 */
export function shareableBoardLink(board: BoardState, passthrough: URLSearchParams, origin: string): string {
  const href = new URL(boardHref(board, passthrough, { explicit: true }), origin)
  href.username = ''
  href.password = ''
  return href.toString()
}

function withSearch(path: string, search: string): string {
  return search ? `${path}?${search}` : path
}

/** The day sheet of `assignee` (a user id or `me`) for one day or a week from `from` (`YYYY-MM-DD`; today when null). */
export function daySheetHref(assignee: string, days: 1 | 7 = 1, from: string | null = null): string {
  const params = new URLSearchParams({ assignee, days: String(days) })
  if (from) params.set('from', from)
  return `${DAY_SHEET_PATH}?${params.toString()}`
}
