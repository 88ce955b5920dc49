import { BOARD_PARAMS } from './tasks/url-state/board-search.ts'
import { BOARD_PATH } from './tasks/url-state/paths.ts'

/**
 * Whether this page load may open the default view: `/` or `/tasks` with no
 * parameter the board reads, in a fresh history entry (typed, bookmarked,
 * opened from elsewhere). A link with board parameters always wins, and an
 * entry the board itself wrote (the Active tab is a bare `/tasks` too, and
 * so is its reload) keeps what it shows: the router's entries carry state.
 */
export function isBareBoardArrival(pathname: string, search: string, historyState: unknown): boolean {
  if (pathname !== '/' && pathname !== BOARD_PATH) return false
  if (historyState !== null && historyState !== undefined) return false
  const params = new URLSearchParams(search)
  return !BOARD_PARAMS.some((name) => params.has(name))
}
