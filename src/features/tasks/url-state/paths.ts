import { formatBoardSearch, type FormatOptions } from './board-search.ts'
import type { BoardState } from './board-state.ts'
import { formatSearchString } from './search-string.ts'

/** The only builders of app URLs (and the route patterns they match). */
export const BOARD_PATH = '/tasks'
export const TASK_ROUTE = `${BOARD_PATH}/:taskId`

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

/** The board with one task's detail open, keeping the view around it. */
export function taskHref(taskId: string, search: URLSearchParams): string {
  return withSearch(taskPath(taskId), formatSearchString(search))
}

/** One task's path, without a query. */
export function taskPath(taskId: string): string {
  return `${BOARD_PATH}/${encodeURIComponent(taskId)}`
}

function withSearch(path: string, search: string): string {
  return search ? `${path}?${search}` : path
}
