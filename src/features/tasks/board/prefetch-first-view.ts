import type { QueryClient } from '@tanstack/react-query'
import { FIRST_VIEW_ELEMENT_ID, parseFirstViewHandover } from '../api/first-view-handover.ts'
import { toWireParams } from '../api/list-query.ts'
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
  { pathname, search }: Pick<Location, 'pathname' | 'search'>,
  page: Pick<Document, 'getElementById'> = document,
) {
  const handover = takeHandover(page)
  if (!isBoardPath(pathname)) return
  const { board } = parseBoardSearch(new URLSearchParams(search))
  const query = toTaskListQuery(board)
  if (query === null) return
  const options = taskQueries.list(query)
  if (handover?.request === toWireParams(query).toString()) {
    const headers = new Headers(handover.totalCount === null ? {} : { 'x-total-count': handover.totalCount })
    try {
      // At once rather than in slices: the server hands over pages of at most 100 rows, and rows in the cache
      // before the first render are on screen in that render.
      queryClient.setQueryData(options.queryKey, readTaskPageAtOnce(handover.body, headers))
      return
    } catch {
      // An answer the board cannot read is asked for again, and then meets the usual notices.
    }
  }
  void queryClient.prefetchQuery(options)
}

/** The handed-over answer, once: the element goes, so nothing reads it for a later view. */
function takeHandover(page: Pick<Document, 'getElementById'>) {
  const element = page.getElementById(FIRST_VIEW_ELEMENT_ID)
  if (!element) return null
  element.remove()
  return parseFirstViewHandover(element.textContent)
}
