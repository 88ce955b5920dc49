import type { QueryClient } from '@tanstack/react-query'
import { sessionQueries } from './api/session-queries.ts'
import { type SavedView, type ViewList, viewQueries } from './api/saved-views.ts'
import { isBareBoardArrival } from '../../shared/bare-board-arrival.ts'
import { savedViewHref } from './saved-view-href.ts'

/**
 * How long a page load of the bare board waits for the user's default view
 * before showing the board as it is. The answer comes from the app server's
 * own store (no upstream call), so it is normally there within milliseconds;
 * a slow or absent store must not hold the board up for longer than this.
 */
export const DEFAULT_VIEW_WAIT_MS = 1000

/** The user's default view in a list, if it has one. */
export function defaultViewOf(list: ViewList | null): ViewList['views'][number] | null {
  if (!list?.defaultViewId) return null
  return list.views.find((view) => view.id === list.defaultViewId) ?? null
}

/**
 * Before the router starts: on a bare arrival, asks for the saved views (the
 * board's own list query, so nothing is asked twice) and, when the user has a
 * default view, replaces the address with it. Replacing (not pushing) means
 * Back leaves the board instead of bouncing onto it again. Resolves with the
 * view it opened, for the caller to apply (`applySavedView`: kept out of this
 * module, whose imports are evaluated before the first request leaves, while
 * the column preferences import every column and cell). Never throws: signed
 * out, a store that is down or slow, and the board simply opens as it is.
 */
export async function settleDefaultView(
  queryClient: QueryClient,
  { location, history }: Pick<Window, 'location' | 'history'>,
): Promise<SavedView | null> {
  if (!isBareBoardArrival(location.pathname, location.search, history.state)) return null
  let timer: ReturnType<typeof setTimeout> | undefined
  const list = await Promise.race([
    readViewsIfSignedIn(queryClient),
    new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), DEFAULT_VIEW_WAIT_MS))),
  ])
  clearTimeout(timer)
  const view = defaultViewOf(list)
  if (!view) return null
  history.replaceState(null, '', `${savedViewHref(view.query, new URLSearchParams(location.search))}${location.hash}`)
  return view
}

/** The session first (the board asks for it anyway): signed out there are no views, and asking would only earn a 401. */
async function readViewsIfSignedIn(queryClient: QueryClient): Promise<ViewList | null> {
  try {
    const session = await queryClient.fetchQuery(sessionQueries.current())
    return session.signedIn ? await queryClient.fetchQuery(viewQueries.list()) : null
  } catch {
    return null
  }
}
