import type { QueryClient } from '@tanstack/react-query'
import { FIRST_VIEW_ELEMENT_ID, parseFirstViewHandover, type FirstViewHandover } from '../api/first-view-handover.ts'
import { toWireParams, type TaskListQuery } from '../api/list-query.ts'
import { taskQueries } from '../api/queries.ts'
import { readTaskPageAtOnce } from '../api/tasks-api.ts'
import { toTaskListQuery } from '../url-state/board-query.ts'
import { parseBoardSearch } from '../url-state/board-search.ts'
import { isBoardPath } from '../url-state/paths.ts'

/**
 * Asks for the rows of the view in the address before React's first render,
 * so the request overlaps with building the page instead of waiting for it.
 * The board's own query finds it in flight (same key: the same URL → state →
 * query mapping). A view naming `me` is not ready until the user lookup answers.
 *
 * When the app server handed the view's answer over with the page, that
 * answer is read instead of asked for: checked row by row like any answer,
 * and only if it answers this very request; otherwise (or if it cannot be
 * read) the board asks as usual.
 */
export function prefetchFirstView(
  queryClient: QueryClient,
  location: Pick<Location, 'pathname' | 'search'>,
  page: Pick<Document, 'getElementById'> = document,
): FirstViewHandover | null {
  const handover = takeHandover(page)
  const query = firstViewQuery(location)
  if (query === null) return null
  if (handover && adoptFirstView(queryClient, query, handover)) return handover
  void queryClient.prefetchQuery(taskQueries.list(query))
  return null
}

/** The list request of the board at this address, or null for a page with none. */
export function firstViewQuery({ pathname, search }: Pick<Location, 'pathname' | 'search'>): TaskListQuery | null {
  if (!isBoardPath(pathname)) return null
  return toTaskListQuery(parseBoardSearch(new URLSearchParams(search)).board)
}

/**
 * Puts a handed-over answer in the cache as the board's own answer to `query`,
 * if it answers this very request and every row can be read. The app server
 * reads it the same way before it renders the first screen.
 */
export function adoptFirstView(queryClient: QueryClient, query: TaskListQuery, handover: FirstViewHandover): boolean {
  if (handover.request !== toWireParams(query).toString()) return false
  const headers = new Headers(handover.totalCount === null ? {} : { 'x-total-count': handover.totalCount })
  try {
    // At once rather than in slices: the server hands over pages of at most 100 rows, and rows in the cache
    // before the first render are on screen in that render.
    queryClient.setQueryData(taskQueries.list(query).queryKey, readTaskPageAtOnce(handover.body, headers))
    return true
  } catch {
    // An answer the board cannot read is asked for again, and then meets the usual notices.
    return false
  }
}

/** The handed-over answer, once: the element goes, so nothing reads it for a later view. */
function takeHandover(page: Pick<Document, 'getElementById'>) {
  const element = page.getElementById(FIRST_VIEW_ELEMENT_ID)
  if (!element) return null
  element.remove()
  return parseFirstViewHandover(element.textContent)
}
