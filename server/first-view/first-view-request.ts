// The board's own URL codec, board → API mapping and wire format, not a copy: the request the server makes for a
// page is then the request the board would make for it. These modules are pure (tsconfig.node.json checks them
// without the DOM), so Node runs them as they are.
import { toWireParams } from '../../src/features/tasks/api/list-query.ts'
import { toTaskListQuery } from '../../src/features/tasks/url-state/board-query.ts'
import { parseBoardSearch } from '../../src/features/tasks/url-state/board-search.ts'
import { isBoardPath } from '../../src/features/tasks/url-state/paths.ts'

/**
 * Pages above this size are not handed over: their answer takes longer than
 * the page's scripts, so the page would wait for it, and big pages load in
 * parts of their own.
 */
export const MAX_HANDED_OVER_ROWS = 100

/**
 * The `/tasks/` query string the board asks for first on this page, as the
 * board writes it (`toWireParams`), or null: not a board page, a view that
 * names `me` (the board asks who that is first), or a page too big to hand
 * over. Never throws: a mangled address is the view the board makes of it.
 */
export function toFirstViewRequest(pathname: string, search: string): string | null {
  if (!isBoardPath(pathname)) return null
  const { board } = parseBoardSearch(new URLSearchParams(search))
  if (board.size > MAX_HANDED_OVER_ROWS) return null
  const query = toTaskListQuery(board)
  return query === null ? null : toWireParams(query).toString()
}
