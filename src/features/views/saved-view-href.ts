import { BOARD_PARAMS } from '../../shared/tasks/url-state/board-search.ts'
import { boardHrefKeeping } from '../../shared/tasks/url-state/paths.ts'

/** The board URL of a view; parameters the board does not own (the address's own) ride along. */
export function savedViewHref(query: string, current: URLSearchParams = new URLSearchParams()): string {
  const own = [...current].filter(([key]) => !(BOARD_PARAMS as readonly string[]).includes(key))
  if (own.length === 0) return boardHrefKeeping(query)
  const search = new URLSearchParams(query)
  for (const [key, value] of own) search.append(key, value)
  return boardHrefKeeping(search.toString())
}
