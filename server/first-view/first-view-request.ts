// The board's own URL codec, board → API mapping and wire format, not a copy: the request the server makes for a
// page is then the request the board would make for it. These modules are pure (tsconfig.node.json checks them
// without the DOM), so Node runs them as they are.
import { toWireParams } from '../../src/shared/tasks/api/list-query.ts'
import { ME } from '../../src/shared/tasks/url-state/board-filters.ts'
import { toTaskListQuery } from '../../src/shared/tasks/url-state/board-query.ts'
import { parseBoardSearch } from '../../src/shared/tasks/url-state/board-search.ts'
import { isBoardPath } from '../../src/shared/tasks/url-state/paths.ts'
import { isBareBoardArrival } from '../../src/shared/bare-board-arrival.ts'

/**
 * The `/tasks/` query string the board asks for first on this page, as the
 * board writes it (`toWireParams`), or null: not a board page, or a view that
 * names `me` without `selfId` (the user the key belongs to). Pages of every
 * size are handed over. Never throws: a mangled address is the view the
 * board makes of it.
 */
export function toFirstViewRequest(pathname: string, search: string, selfId: string | null = null): string | null {
  if (!isBoardPath(pathname)) return null
  const query = toTaskListQuery(boardAt(search), selfId)
  return query === null ? null : toWireParams(query).toString()
}

/** Whether the page is a board whose view names `me`: its request needs to know who that is first. */
export function namesMe(pathname: string, search: string): boolean {
  return isBoardPath(pathname) && boardAt(search).assignee.includes(ME)
}

function boardAt(search: string) {
  return parseBoardSearch(new URLSearchParams(search)).board
}

/**
 * Whether the page is one the board may replace by the user's default view
 * (`/` or `/tasks` with no board parameter), as the board decides it. The
 * server cannot see history state: a reload of such a page the board wrote
 * itself looks the same here, and then simply asks for its rows itself.
 */
export function opensWithoutBoardParams(pathname: string, search: string): boolean {
  return isBareBoardArrival(pathname, search, null)
}
