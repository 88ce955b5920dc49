import type { QueryClient } from '@tanstack/react-query'
import { taskQueries } from '../api/queries.ts'
import { toTaskListQuery } from '../url-state/board-query.ts'
import { parseBoardSearch } from '../url-state/board-search.ts'
import { isBoardPath } from '../url-state/paths.ts'

/**
 * Asks for the rows of the view in the address before React's first render,
 * so the request overlaps with building the page instead of waiting for it.
 * The board's own query finds it in flight (same key: the same URL → state →
 * query mapping). A view naming `me` is not ready until the user lookup answers.
 */
export function prefetchFirstView(
  queryClient: QueryClient,
  { pathname, search }: Pick<Location, 'pathname' | 'search'>,
) {
  if (!isBoardPath(pathname)) return
  const { board } = parseBoardSearch(new URLSearchParams(search))
  const query = toTaskListQuery(board)
  if (query !== null) void queryClient.prefetchQuery(taskQueries.list(query))
}
