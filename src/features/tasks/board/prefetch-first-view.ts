import { hydrate, type QueryClient } from '@tanstack/react-query'
import { FIRST_VIEW_ELEMENT_ID, parseFirstViewHandover, type FirstViewHandover } from '../api/first-view-handover.ts'
import type { TaskListQuery } from '../api/list-query.ts'
import { taskQueries } from '../api/queries.ts'
import { handOver } from '../api/task-page-source.ts'
import { toTaskListQuery } from '../url-state/board-query.ts'
import { parseBoardSearch } from '../url-state/board-search.ts'
import { isBoardPath } from '../url-state/paths.ts'

/**
 * Starts reading the rows of the view in the address before React's first
 * render, so the request overlaps with building the page instead of waiting
 * for it. The board's own query finds it in flight (same key: the same URL →
 * state → query mapping). A view naming `me` is not ready until the user
 * lookup answers.
 *
 * When the app server handed the view's answer over with the page, the read
 * takes that answer instead of asking the API (see `handOver`), and this
 * resolves with it once its first slice is in the cache, so the board's first
 * render shows those rows; the rest of a long page is read once `restAfter`
 * resolves. Otherwise (no answer, one to another request, one that cannot be
 * read) it resolves with null at once, and the read asks the API.
 */
export async function prefetchFirstView(
  queryClient: QueryClient,
  location: Pick<Location, 'pathname' | 'search'>,
  page: Pick<Document, 'getElementById'> = document,
  restAfter: () => Promise<void> = () => Promise.resolve(),
): Promise<FirstViewHandover | null> {
  const handover = takeHandover(page)
  // The other answers the first screen shows, as the server rendered it: the board's first render shows them too.
  if (handover?.queries) hydrate(queryClient, handover.queries)
  const query = firstViewQuery(location)
  if (query === null) return null
  const options = taskQueries.list(query)
  // Offered only to a read that will start now: a view already in the cache would never take it, and this would wait.
  const unread = queryClient.getQueryState(options.queryKey) === undefined
  const taken = handover && unread && handOver(queryClient, query, handover, restAfter)
  void queryClient.prefetchQuery(options)
  return taken && (await taken) ? handover : null
}

/** The list request of the board at this address, or null for a page with none. */
export function firstViewQuery({ pathname, search }: Pick<Location, 'pathname' | 'search'>): TaskListQuery | null {
  if (!isBoardPath(pathname)) return null
  return toTaskListQuery(parseBoardSearch(new URLSearchParams(search)).board)
}

/** The handed-over answer, once: the element goes, so nothing reads it for a later view. */
function takeHandover(page: Pick<Document, 'getElementById'>) {
  const element = page.getElementById(FIRST_VIEW_ELEMENT_ID)
  if (!element) return null
  element.remove()
  return parseFirstViewHandover(element.textContent)
}
