import type { IncomingMessage } from 'node:http'
import { findApiEndpoint } from '../proxy/api-endpoints.ts'
import { minimiseAnswer } from '../proxy/minimise-answer.ts'
import type { UpstreamGet } from '../upstream/upstream-client.ts'
import { formatFirstViewIsland } from './format-island.ts'
import { opensWithoutBoardParams, toFirstViewRequest } from './first-view-request.ts'

/**
 * The first view's data island for one page request: null when the page
 * carries none (then it is served as always), else a function that starts
 * loading it (called once the page's head is out) and resolves with the
 * island, '' when there is nothing to hand over. It never rejects and
 * settles within the loader's wait.
 */
export type FirstView = (req: IncomingMessage, pathname: string, signal: AbortSignal) => (() => Promise<string>) | null

export interface FirstViewOptions {
  upstreamGet: UpstreamGet
  /** The key this request reads with, chosen as the proxy chooses it; undefined when it has none. May throw. */
  keyOf: (req: IncomingMessage) => Promise<string | undefined>
  isAllowedPicture: (url: string) => boolean
  /** How long a page waits for the answer before it goes out without one (the board then asks itself). */
  waitMs: number
  /**
   * Whether whoever asks has a default view, which a page with no board
   * parameter opens instead of the board as it is: that page then hands
   * nothing over (the rows would be of a board the browser never shows).
   */
  hasDefaultView?: (req: IncomingMessage) => Promise<boolean>
}

const TASK_LIST = findApiEndpoint('/tasks/')

/**
 * Starts the first view's API request when the page is asked for, with the
 * key the board's own request would carry, and hands over the answer as the
 * proxy would pass it: the list endpoint's declared fields only. A failed,
 * refused or slow answer is no island: the board's own request then meets
 * the failure as it always does (a 401 asks to sign in).
 */
export function createFirstView({
  upstreamGet,
  keyOf,
  isAllowedPicture,
  waitMs,
  hasDefaultView,
}: FirstViewOptions): FirstView {
  return (req, pathname, signal) => {
    // Only a page the browser shows; a page fetched or embedded some other way carries no data.
    const destination = req.headers['sec-fetch-dest']
    if (destination !== undefined && destination !== 'document') return null
    const search = (req.url ?? '').split('?')[1] ?? ''
    const request = toFirstViewRequest(pathname, search)
    if (request === null || !TASK_LIST) return null
    const bare = opensWithoutBoardParams(pathname, search)
    return () => load(req, request, bare, AbortSignal.any([signal, AbortSignal.timeout(waitMs)])).catch(() => '')
  }

  async function load(req: IncomingMessage, request: string, bare: boolean, deadline: AbortSignal): Promise<string> {
    if (bare && hasDefaultView && (await untilAborted(hasDefaultView(req), deadline))) return ''
    const apiKey = await untilAborted(keyOf(req), deadline)
    if (apiKey === undefined || !TASK_LIST) return ''
    const answer = await upstreamGet(`/tasks/?${request}`, { apiKey, signal: deadline })
    if (answer.status < 200 || answer.status >= 300) return ''
    const minimised = minimiseAnswer(answer.body, TASK_LIST, { isAllowedPicture })
    if (!minimised.ok) return ''
    return formatFirstViewIsland(request, answer.headers.get('x-total-count'), minimised.json)
  }
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
