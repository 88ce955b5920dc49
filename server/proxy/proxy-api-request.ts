import type { IncomingMessage, ServerResponse } from 'node:http'
import { sendJsonError } from '../http/json-error.ts'
import type { RequestContext } from '../identity/request-context.ts'
import type { UpstreamClient } from '../upstream/upstream-client.ts'
import { failureResponse, refusalOf, UpstreamError } from '../upstream/upstream-error.ts'
import { isPlainApiPath } from '../upstream/plain-api-path.ts'
import { findApiEndpoint } from './api-endpoints.ts'
import { minimiseAnswer } from './minimise-answer.ts'

export interface ProxyOptions {
  upstream: UpstreamClient
  isAllowedPicture: (url: string) => boolean
}

/** Upstream headers the board reads; every other one (cookies, caching, server banners) stays upstream. */
const PASSED_RESPONSE_HEADERS = ['retry-after', 'x-total-count']

/**
 * Forwards one browser API call to the upstream API. Only GETs of the board's
 * read endpoints pass, matched on the exact path that goes upstream; the
 * request carries no browser header but the key; the answer carries only the
 * declared fields of its endpoint, as JSON that no cache keeps. Error bodies
 * are reduced to the API's `{message, errors}` shape, without keys.
 */
export async function proxyApiRequest(
  req: IncomingMessage,
  res: ServerResponse,
  apiUrl: string,
  options: ProxyOptions,
  context: RequestContext,
): Promise<void> {
  const queryAt = apiUrl.indexOf('?')
  const path = queryAt === -1 ? apiUrl : apiUrl.slice(0, queryAt)
  const query = queryAt === -1 ? '' : apiUrl.slice(queryAt)
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendJsonError(res, 405, `Method ${req.method ?? ''} is not allowed; the board only reads.`, { allow: 'GET, HEAD' })
    return
  }
  const endpoint = isPlainApiPath(path) ? findApiEndpoint(path) : undefined
  if (!endpoint) {
    sendJsonError(res, 404, 'Not found')
    return
  }

  const key = await context.upstreamKey()
  // Without a server key the answer depends on the browser's key: no shared cache may mix them up.
  const vary: Record<string, string> = context.serverKeyed ? {} : { vary: 'x-api-key' }
  if (!context.keyMayGo()) {
    sendJsonError(res, 429, 'Too many API keys from this address were refused; try again in a minute.', {
      ...vary,
      'retry-after': '60',
    })
    return
  }
  const abort = new AbortController()
  const onClose = () => {
    if (!res.writableFinished) abort.abort()
  }
  res.on('close', onClose)
  let answer
  try {
    answer = await options.upstream({ path: `${path}${query}`, key, signal: abort.signal })
  } catch (error) {
    if (!(error instanceof UpstreamError) || error.kind === 'aborted') return
    const { status, headers } = failureResponse(error)
    sendJsonError(res, status, error.message, { ...vary, ...headers })
    return
  } finally {
    res.off('close', onClose)
  }

  const passed: Record<string, string> = { ...vary }
  for (const name of PASSED_RESPONSE_HEADERS) {
    const value = answer.headers.get(name)
    if (value !== null) passed[name] = value
  }
  if (answer.status === 401) await context.keyRefused()
  else if (passedTheKey(answer.status)) context.keyAccepted()
  if (answer.status < 200 || answer.status >= 300) {
    const { message } = refusalOf(answer, { keys: [key, context.browserKey] })
    const retryAfter = answer.headers.get('retry-after')
    sendJsonError(res, answer.status, message, { ...vary, ...(retryAfter ? { 'retry-after': retryAfter } : {}) })
    return
  }
  const minimised = minimiseAnswer(answer.body, endpoint, { isAllowedPicture: options.isAllowedPicture })
  if (!minimised.ok) {
    sendJsonError(res, 502, minimised.message, vary)
    return
  }
  const body = Buffer.from(minimised.json)
  res.writeHead(answer.status, {
    ...passed,
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': String(body.length),
  })
  res.end(req.method === 'HEAD' ? undefined : body)
}

/**
 * Whether an answer shows the upstream took the key: any success, and a
 * refusal of the request itself (400, 404). A 403, a 429 or a failure says
 * nothing either way.
 */
function passedTheKey(status: number): boolean {
  return (status >= 200 && status < 300) || (status >= 400 && status < 500 && ![401, 403, 429].includes(status))
}
