import type { IncomingMessage } from 'node:http'
import type { FirstScreenRenderer, FirstScreenRequest, PageAttributes } from '../../src/shared/first-screen-contract.ts'
import { DISPLAY_COOKIE, parseDisplayCookie } from '../../src/shared/display-cookie.ts'
import { readCookieText } from '../identity/cookies.ts'
import type { RequestContext } from '../identity/request-context.ts'
import { TASK_TYPES_REQUEST } from '../../src/shared/tasks/api/list-query.ts'
import { userSchema } from '../../src/shared/tasks/api/schemas.ts'
import { findApiEndpoint, type ApiEndpoint } from '../proxy/api-endpoints.ts'
import { minimiseAnswer } from '../proxy/minimise-answer.ts'
import type { UpstreamClient } from '../upstream/upstream-client.ts'
import { parseRetryAfter } from '../upstream/upstream-error.ts'
import { formatFirstViewIsland } from './format-island.ts'
import { namesMe, opensWithoutBoardParams, toFirstViewRequest } from './first-view-request.ts'

/**
 * The first view of one page request: null when the page carries none (then
 * it is served as always), else the page's `<html>` attributes for this
 * browser and a function that starts loading the view (called once the
 * page's head is out). That resolves with the island and, when the first
 * screen could be rendered, the markup of `#root`; both '' when there is
 * nothing to hand over. It never rejects and settles within the
 * loader's wait (and the render's few milliseconds).
 */
export type FirstView = (
  req: IncomingMessage,
  pathname: string,
  signal: AbortSignal,
  context: RequestContext,
) => BoardPage | null

export interface BoardPage {
  attributes: PageAttributes
  load: () => Promise<FirstViewParts>
}

export interface FirstViewParts {
  island: string
  markup: string
}

const NOTHING: FirstViewParts = { island: '', markup: '' }

export interface FirstViewOptions {
  upstream: UpstreamClient
  isAllowedPicture: (url: string) => boolean
  /** How long a page waits for the answer before it goes out without one (the board then asks itself). */
  waitMs: number
  /**
   * Whether whoever asks has a default view, which a page with no board
   * parameter opens instead of the board as it is: that page then hands
   * nothing over (the rows would be of a board the browser never shows).
   */
  hasDefaultView?: (context: RequestContext) => Promise<boolean>
  /** The board's server-side build: it reads the answers into the board's queries and renders the first screen. */
  renderer: FirstScreenRenderer
  /** The zone the first screen's dates are in for a browser that has not said its own. */
  defaultTimeZone?: string
}

const TASK_LIST = findApiEndpoint('/tasks/')
const TASK_TYPES = findApiEndpoint('/taskTypes/')
const USERS_SELF = findApiEndpoint('/users/self')

/**
 * Starts the first view's API requests when the page is asked for, with the
 * key the board's own requests would carry, cuts the answers down as the
 * proxy would pass them (the endpoints' declared fields only), and hands
 * them over as the board's queries, dehydrated, with the first screen
 * rendered from them. A failed, refused or slow answer is no island: the
 * board's own request then meets the failure as it always does (a 401 asks
 * to sign in).
 */
export function createFirstView({
  upstream,
  isAllowedPicture,
  waitMs,
  hasDefaultView,
  renderer,
  defaultTimeZone = Intl.DateTimeFormat().resolvedOptions().timeZone,
}: FirstViewOptions): FirstView {
  return (req, pathname, signal, context) => {
    // Only a page the browser shows; a page fetched or embedded some other way carries no data.
    const destination = req.headers['sec-fetch-dest']
    if (destination !== undefined && destination !== 'document') return null
    const search = (req.url ?? '').split('?')[1] ?? ''
    const me = namesMe(pathname, search)
    if ((!me && toFirstViewRequest(pathname, search) === null) || !TASK_LIST) return null
    const bare = opensWithoutBoardParams(pathname, search)
    const display = parseDisplayCookie(readCookieText(req, DISPLAY_COOKIE))
    const acceptLanguage = req.headers['accept-language']
    // Chromium-based browsers say whether they are a phone without being asked; a first visit then opens in the
    // phone's layout rather than the wide one.
    const mobile = req.headers['sec-ch-ua-mobile'] === '?1'
    const page = { pathname, search: search === '' ? '' : `?${search}`, display, acceptLanguage, mobile }
    return {
      attributes: renderer.pageAttributes(display, acceptLanguage),
      load: () =>
        load(context, me, bare, page, AbortSignal.any([signal, AbortSignal.timeout(waitMs)])).catch(() => NOTHING),
    }
  }

  async function load(
    context: RequestContext,
    me: boolean,
    bare: boolean,
    page: Omit<FirstScreenRequest, 'answers' | 'defaultTimeZone'>,
    deadline: AbortSignal,
  ): Promise<FirstViewParts> {
    if (bare && hasDefaultView && (await untilAborted(hasDefaultView(context), deadline))) return NOTHING
    const apiKey = await untilAborted(context.upstreamKey(), deadline)
    if (apiKey === undefined || !TASK_LIST) return NOTHING
    // Beside the list: the task types make the rendered identifiers whole (`REP-490`, not `490`).
    const types = readAnswer(`/taskTypes/?${TASK_TYPES_REQUEST}`, TASK_TYPES, apiKey, deadline).catch(() => null)
    // A view naming `me` is asked for once the API has said whose the key is, as the board would.
    const self = me ? await readAnswer('/users/self', USERS_SELF, apiKey, deadline).catch(() => null) : null
    const request = toFirstViewRequest(page.pathname, page.search, idOf(self))
    if (request === null) return NOTHING
    const answer = await upstream({ path: `/tasks/?${request}`, key: apiKey, signal: deadline })
    if (answer.status === 429) {
      // Asked to wait: the board is told so, and waits as asked instead of asking again at once.
      const retryAfterMs = parseRetryAfter(answer.headers.get('retry-after'), Date.now())
      return { island: formatFirstViewIsland({ rateLimited: { retryAfterMs } }), markup: '' }
    }
    if (answer.status < 200 || answer.status >= 300) return NOTHING
    const minimised = minimiseAnswer(answer.body, TASK_LIST, { isAllowedPicture })
    if (!minimised.ok) return NOTHING
    // Read as the browser would read it: parsed from the same minimised JSON.
    const body = JSON.parse(minimised.json) as unknown
    const answers = { request, totalCount: answer.headers.get('x-total-count'), body, taskTypes: await types, self }
    const first = await renderer.renderFirstScreen({ ...page, answers, defaultTimeZone })
    if (first === null) return NOTHING
    return {
      island: formatFirstViewIsland({ state: first.state, screen: first.rendered?.screen }),
      markup: first.rendered?.markup ?? '',
    }
  }

  /** A successful answer of `endpoint`, minimised as the proxy passes it and parsed; rejects otherwise. */
  async function readAnswer(path: string, endpoint: ApiEndpoint | undefined, key: string, signal: AbortSignal) {
    const answer = await upstream({ path, key, signal })
    if (!endpoint || answer.status < 200 || answer.status >= 300) throw new Error(`${path} answered ${answer.status}`)
    const minimised = minimiseAnswer(answer.body, endpoint, { isAllowedPicture })
    if (!minimised.ok) throw new Error(`${path} answered with something the board cannot read`)
    return JSON.parse(minimised.json) as unknown
  }
}

/** The user id of an answer to `/users/self` as the board reads it (its own schema), or null when it reads none. */
function idOf(self: unknown): string | null {
  const user = userSchema.safeParse(self)
  return user.success ? user.data.id : null
}

/** The promise's value, or a rejection as soon as the signal aborts (a session look-up that hangs must not hold the page). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const stop = () => reject(new Error('The page went out without its first view'))
    if (signal.aborted) stop()
    signal.addEventListener('abort', stop, { once: true })
    promise.then(resolve, reject)
  })
}
