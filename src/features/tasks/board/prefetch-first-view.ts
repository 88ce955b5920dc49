import type { QueryClient } from '@tanstack/react-query'
import { FIRST_VIEW_ELEMENT_ID, parseFirstViewHandover, type FirstViewHandover } from '../api/first-view-handover.ts'
import { toWireParams, type TaskListQuery } from '../api/list-query.ts'
import { taskQueries } from '../api/queries.ts'
import { FIRST_SCREEN_ROWS, readTaskPage, readTaskPageAtOnce, type TaskPage } from '../api/tasks-api.ts'
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
): TakenFirstView | null {
  const handover = takeHandover(page)
  const query = firstViewQuery(location)
  if (query === null) return null
  const readRest = handover && adoptFirstView(queryClient, query, handover)
  if (handover && readRest) return { handover, readRest }
  void queryClient.prefetchQuery(taskQueries.list(query))
  return null
}

/** A handed-over answer the board took: its first rows are in the cache. */
export interface TakenFirstView {
  handover: FirstViewHandover
  /** Reads the rest of a long page into the cache: called once the first rows are on screen. Never rejects. */
  readRest: () => Promise<void>
}

/** The list request of the board at this address, or null for a page with none. */
export function firstViewQuery({ pathname, search }: Pick<Location, 'pathname' | 'search'>): TaskListQuery | null {
  if (!isBoardPath(pathname)) return null
  return toTaskListQuery(parseBoardSearch(new URLSearchParams(search)).board)
}

/** Pages up to this long are checked whole before the first render: that fits between two frames. */
const READ_AT_ONCE = 100

/**
 * Puts a handed-over answer in the cache as the board's own answer to `query`,
 * if it answers this very request and its rows can be read; null otherwise.
 * A long page goes in as its first rows only (a partial page, as a long page
 * fetched by the board is first shown), and the function returned reads the
 * rest. The app server reads the answer the same way before it renders the
 * first screen, so both render the same rows.
 */
export function adoptFirstView(
  queryClient: QueryClient,
  query: TaskListQuery,
  handover: FirstViewHandover,
): TakenFirstView['readRest'] | null {
  if (handover.request !== toWireParams(query).toString()) return null
  const headers = new Headers(handover.totalCount === null ? {} : { 'x-total-count': handover.totalCount })
  const { queryKey } = taskQueries.list(query)
  const { body } = handover
  try {
    if (!Array.isArray(body) || body.length <= READ_AT_ONCE) {
      queryClient.setQueryData(queryKey, readTaskPageAtOnce(body, headers))
      return () => Promise.resolve()
    }
    const first: TaskPage = { ...readTaskPageAtOnce(body.slice(0, FIRST_SCREEN_ROWS), headers), partial: true }
    queryClient.setQueryData(queryKey, first)
    // Let go of once read: the answer as sent is as big again as the rows read from it.
    let rows: unknown[] | null = body
    return async () => {
      const answer = rows
      rows = null
      if (answer === null) return
      // Unless the board has asked for the page itself meanwhile.
      const untouched = () => queryClient.getQueryData(queryKey) === first
      try {
        const whole = await readTaskPage(answer, headers)
        if (untouched()) queryClient.setQueryData(queryKey, whole)
      } catch {
        // The rest cannot be read: the board asks for the page and meets the usual notices.
        if (untouched()) void queryClient.refetchQueries({ queryKey, exact: true })
      }
    }
  } catch {
    // An answer the board cannot read is asked for again, and then meets the usual notices.
    return null
  }
}

/** The handed-over answer, once: the element goes, so nothing reads it for a later view. */
function takeHandover(page: Pick<Document, 'getElementById'>) {
  const element = page.getElementById(FIRST_VIEW_ELEMENT_ID)
  if (!element) return null
  element.remove()
  return parseFirstViewHandover(element.textContent)
}
