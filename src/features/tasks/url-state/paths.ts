import { formatBoardSearch, type FormatOptions } from './board-search.ts'
import type { BoardState } from './board-state.ts'

/** The only builders of app URLs. */
export const BOARD_PATH = '/tasks'

/** The board showing `board`, keeping parameters it does not own. */
export function boardHref(
  board: BoardState,
  passthrough: URLSearchParams = new URLSearchParams(),
  options: FormatOptions = {},
): string {
  return withSearch(BOARD_PATH, formatBoardSearch(board, passthrough, options).toString())
}

/** The board with one task's detail open, keeping the view around it. */
export function taskHref(taskId: string, search: URLSearchParams): string {
  return withSearch(`${BOARD_PATH}/${encodeURIComponent(taskId)}`, search.toString())
}

function withSearch(path: string, search: string): string {
  return search ? `${path}?${search}` : path
}
