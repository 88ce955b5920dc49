import { hydrate, type DehydratedState, type QueryClient } from '@tanstack/react-query'
import { ApiError } from '../../../shared/api-error.ts'
import { wallClock } from '../../../shared/clock.ts'
import {
  FIRST_VIEW_ELEMENT_ID,
  parseFirstViewHandover,
  type RenderedScreen,
} from '../../../shared/tasks/api/first-view-handover.ts'
import type { TaskListQuery } from '../../../shared/tasks/api/list-query.ts'
import { taskQueries, userQueries } from '../api/queries.ts'
import { toTaskListQuery } from '../../../shared/tasks/url-state/board-query.ts'
import { parseBoardSearch } from '../../../shared/tasks/url-state/board-search.ts'
import { isBoardPath } from '../../../shared/tasks/url-state/paths.ts'

/**
 * Puts what the app server handed over with the page in the cache, and starts
 * reading the rows of the view in the address before React's first render,
 * so the request overlaps with building the page instead of waiting for it.
 * The board's own query finds it in the cache or in flight (same key: the
 * same URL → state → query mapping). A view naming `me` is not ready until the
 * user lookup answers, unless the server handed over who that is.
 *
 * The handover holds the board's queries as the server read them (the view's
 * rows, the task types), dehydrated: hydrated here, the view the server
 * answered is in the cache, and the read asks for nothing. When the server
 * met a 429, the read waits as the API asked before it asks.
 *
 * Returns what the server assumed when it rendered the first screen, when
 * that screen shows this view; else null (the board then renders itself).
 */
export function prefetchFirstView(
  queryClient: QueryClient,
  location: Pick<Location, 'pathname' | 'search'>,
  page: Pick<Document, 'getElementById'> = document,
  now: number = wallClock(),
): RenderedScreen | null {
  const handover = takeHandover(page)
  if (handover?.state) hydrate(queryClient, asOf(handover.state, now))
  // A view naming `me` is ready when the server handed over who that is.
  const query = firstViewQuery(location, queryClient.getQueryData(userQueries.self().queryKey)?.id)
  if (query === null) return null
  const options = taskQueries.list(query)
  const rendered = queryClient.getQueryData(options.queryKey) !== undefined ? (handover?.screen ?? null) : null
  let limited = handover?.rateLimited
  const read = options.queryFn
  if (!limited || typeof read !== 'function') {
    void queryClient.prefetchQuery(options)
    return rendered
  }
  // The read meets the 429 the server met, once, and is retried when the API said it may be (the query client's rule
  // for every 429); the board's query joins it meanwhile instead of asking at once.
  void queryClient.prefetchQuery({
    ...options,
    queryFn: (context) => {
      if (!limited) return read(context)
      const { retryAfterMs } = limited
      limited = undefined
      throw new ApiError({ kind: 'http', status: 429, message: 'Too many requests', retryAfterMs })
    },
  })
  return rendered
}

/** The list request of the board at this address, or null for a page with none (or naming `me` without `selfId`). */
export function firstViewQuery(
  { pathname, search }: Pick<Location, 'pathname' | 'search'>,
  selfId: string | null = null,
): TaskListQuery | null {
  if (!isBoardPath(pathname)) return null
  return toTaskListQuery(parseBoardSearch(new URLSearchParams(search)).board, selfId)
}

/** The handover, once: the element goes, so nothing reads it for a later view. */
function takeHandover(page: Pick<Document, 'getElementById'>) {
  const element = page.getElementById(FIRST_VIEW_ELEMENT_ID)
  if (!element) return null
  element.remove()
  return parseFirstViewHandover(element.textContent)
}

/**
 * The answers as fresh as the page that brought them: the server's clock is
 * not the browser's, and an answer a minute old by a clock running ahead
 * would be read again at once.
 */
function asOf(state: DehydratedState, now: number): DehydratedState {
  return {
    ...state,
    queries: state.queries.map((query) => ({ ...query, state: { ...query.state, dataUpdatedAt: now } })),
  }
}
