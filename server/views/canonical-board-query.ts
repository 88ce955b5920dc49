// The board's own URL codec, not a copy: a saved view's query is exactly what the board writes for that view.
// The module is pure (tsconfig.node.json checks it without the DOM), so Node runs it as it is.
import { formatBoardSearch, parseBoardSearch } from '../../src/shared/tasks/url-state/board-search.ts'

/**
 * Canonical query string (no leading `?`) of a board URL's query, for saved
 * views: what the board's codec makes of it (its parameters in its fixed
 * order, defaults left out, lists de-duplicated and ordered, values it could
 * not use dropped), without `page` (a view is not a page of it), without
 * `changed` (showing its changes since a moment is a look at it) and without
 * parameters the board does not own (a view is the board's state and nothing
 * else). Never throws.
 */
export function formatCanonicalBoardQuery(query: string): string {
  const { board } = parseBoardSearch(new URLSearchParams(query.startsWith('?') ? query.slice(1) : query))
  const params = formatBoardSearch(board)
  params.delete('page')
  params.delete('changed')
  return params.toString()
}
