import type { DehydratedState } from '@tanstack/react-query'
import type { RenderedScreen } from './tasks/api/first-view-handover.ts'
import type { DisplaySettings } from './display-cookie.ts'

/**
 * The User Timing mark the board sets once its first render is on the page and
 * its effects have run: from then on it responds (before it, rows the server
 * rendered are on screen but do nothing). Tests and the benchmark wait for it.
 */
export const APP_RUNNING_MARK = 'task-board:running'

/**
 * Between the app server and the board's server-side build
 * (`render-first-screen.tsx`, built by `npm run build` into `dist-server/`):
 * the server runs its own `.ts` as they are and cannot run `.tsx`, so it
 * loads the built module and calls it through these types.
 */
export interface FirstScreenRequest {
  /** The page's address. */
  pathname: string
  search: string
  /** What the API answered for the page, cut down as the proxy passes it (the board reads it as it reads any answer). */
  answers: FirstViewAnswers
  /** The browser's display cookie, read; null without one. */
  display: DisplaySettings | null
  /** The request's `Accept-Language`. */
  acceptLanguage: string | undefined
  /**
   * The browser says it is a phone (`Sec-CH-UA-Mobile: ?1`): the layout of a
   * first visit, before the display cookie says the window's width.
   */
  mobile: boolean
  /** The zone dates are rendered in when the browser has not said its own. */
  defaultTimeZone: string
}

export interface FirstViewAnswers {
  /** The `/tasks/` query string asked for, as `toWireParams` writes it. */
  request: string
  /** The list's `X-Total-Count`, when the API sent one. */
  totalCount: string | null
  /** The list. */
  body: unknown
  /** The answer to `/taskTypes/`, asked for beside it; null when it failed or was late. */
  taskTypes: unknown
  /** The answer to `/users/self`, asked for first when the view names `me`; null otherwise. */
  self: unknown
}

export interface FirstScreen {
  /** The board's queries the answers fill (the view's rows, the task types, the user), dehydrated by TanStack Query. */
  state: DehydratedState
  /** The markup of `#root` and what it assumed; null when it could not be rendered (the browser then renders). */
  rendered: { markup: string; screen: RenderedScreen } | null
}

/** The page's `<html>` attributes for a browser, known before its first view is asked for. */
export interface PageAttributes {
  lang: string
  /** Set only for a theme chosen in the board; otherwise the system's applies. */
  theme: 'light' | 'dark' | null
}

export interface FirstScreenRenderer {
  /** Null when the answers are not the view at this address, or the board cannot read them: nothing is handed over. */
  renderFirstScreen: (request: FirstScreenRequest) => Promise<FirstScreen | null>
  pageAttributes: (display: DisplaySettings | null, acceptLanguage: string | undefined) => PageAttributes
}
