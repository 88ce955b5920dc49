import type { IncomingMessage, ServerResponse } from 'node:http'
import { isAllowedApiPath, isUserPath } from './api-routes.ts'
import { sendJsonError } from './json-error.ts'
import { toPublicUsers } from './public-user.ts'

export interface UpstreamOptions {
  /** API base including `/v2`, without a trailing slash. */
  baseUrl: string
  /** Added as `x-API-Key`; when undefined the browser's own key is forwarded. */
  apiKey: string | undefined
  timeoutMs: number
}

/** Response headers worth passing on; everything else (cookies, hop-by-hop, server banners) stays upstream. */
const PASSED_RESPONSE_HEADERS = [
  'content-type',
  'retry-after',
  'x-total-count',
  'cache-control',
  'etag',
  'last-modified',
]

/**
 * Forwards one browser API call to the upstream API. Only GETs of the board's
 * read endpoints pass; the request carries no browser header but the key, and
 * the answer carries no upstream header but those the board reads. Error
 * bodies are reduced to the API's `{message, errors}` shape.
 */
export async function proxyApiRequest(
  req: IncomingMessage,
  res: ServerResponse,
  apiUrl: string,
  upstream: UpstreamOptions,
): Promise<void> {
  const { pathname, search } = new URL(apiUrl, 'http://placeholder')
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendJsonError(res, 405, `Method ${req.method ?? ''} is not allowed; the board only reads.`, { allow: 'GET, HEAD' })
    return
  }
  if (!isAllowedApiPath(pathname)) {
    sendJsonError(res, 404, 'Not found')
    return
  }

  const headers: Record<string, string> = { accept: 'application/json' }
  const key = upstream.apiKey ?? headerValue(req.headers['x-api-key'])
  if (key) headers['x-API-Key'] = key

  const abort = new AbortController()
  const onClose = () => {
    if (!res.writableFinished) abort.abort()
  }
  res.on('close', onClose)
  const timeout = AbortSignal.timeout(upstream.timeoutMs)
  let response: Response
  let body: Buffer
  try {
    response = await fetch(`${upstream.baseUrl}${pathname}${search}`, {
      headers,
      signal: AbortSignal.any([abort.signal, timeout]),
      redirect: 'manual',
    })
    body = Buffer.from(await response.arrayBuffer())
  } catch {
    if (abort.signal.aborted) return
    if (timeout.aborted) {
      sendJsonError(res, 504, `The tasks API did not answer within ${Math.round(upstream.timeoutMs / 1000)} seconds.`)
    } else {
      sendJsonError(res, 502, 'The tasks API could not be reached.')
    }
    return
  } finally {
    res.off('close', onClose)
  }

  if (response.status < 200 || response.status >= 300) {
    const retryAfter = response.headers.get('retry-after')
    sendJsonError(
      res,
      response.status,
      readUpstreamMessage(body, response.status),
      retryAfter ? { 'retry-after': retryAfter } : {},
    )
    return
  }

  const passed: Record<string, string> = { 'cache-control': 'no-store' }
  for (const name of PASSED_RESPONSE_HEADERS) {
    const value = response.headers.get(name)
    if (value !== null) passed[name] = value
  }
  if (isUserPath(pathname)) {
    const filtered = toPublicUsers(body)
    if (filtered === null) {
      sendJsonError(res, 502, 'The tasks API sent a user list that could not be read.')
      return
    }
    body = Buffer.from(filtered)
    passed['content-type'] = 'application/json; charset=utf-8'
  }
  passed['content-length'] = String(body.length)
  res.writeHead(response.status, passed)
  res.end(req.method === 'HEAD' ? undefined : body)
}

function headerValue(value: string | string[] | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value
  return first?.trim() ? first.trim() : undefined
}

/**
 * The upstream's own `message` when it sent the API's error shape; otherwise
 * a plain sentence. Never the raw body: an HTML page or a stack trace is no
 * message for the browser.
 */
function readUpstreamMessage(body: Buffer, status: number): string {
  try {
    const parsed: unknown = JSON.parse(body.toString('utf8'))
    if (typeof parsed === 'object' && parsed !== null) {
      const message = (parsed as Record<string, unknown>).message
      if (typeof message === 'string' && message.trim() !== '' && message.length <= 500 && !/\n\s+at /.test(message)) {
        return message
      }
    }
  } catch {
    // Not JSON: fall through to the generic sentence.
  }
  return `The tasks API answered with status ${status}.`
}
