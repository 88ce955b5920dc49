import type { DehydratedState } from '@tanstack/react-query'
import type { FirstViewHandover, RenderedScreen } from '../features/tasks/api/first-view-handover.ts'
import type { DisplaySettings } from '../lib/display-cookie.ts'

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
  /** The first view's answer as the page hands it over (its rows are read exactly as the browser reads them). */
  handover: FirstViewHandover
  /** The answer to `/taskTypes/` the server asked for beside it, minimised; null when it failed or was late. */
  taskTypes: unknown
  /** The browser's display cookie, read; null without one. */
  display: DisplaySettings | null
  /** The request's `Accept-Language`. */
  acceptLanguage: string | undefined
  /** The zone dates are rendered in when the browser has not said its own. */
  defaultTimeZone: string
}

export interface FirstScreen {
  /** The markup of `#root`, as the board's first render in that browser would make it. */
  markup: string
  /** What it assumed, handed over with the answer so the browser can tell whether it may take the markup over. */
  screen: RenderedScreen
  /** The other answers it shows (the task types), dehydrated for the browser to hydrate before its first render. */
  queries: DehydratedState | null
}

/** The page's `<html>` attributes for a browser, known before its first view is asked for. */
export interface PageAttributes {
  lang: string
  /** Set only for a theme chosen in the board; otherwise the system's applies. */
  theme: 'light' | 'dark' | null
}

export interface FirstScreenRenderer {
  renderFirstScreen: (request: FirstScreenRequest) => Promise<FirstScreen | null>
  pageAttributes: (display: DisplaySettings | null, acceptLanguage: string | undefined) => PageAttributes
}
