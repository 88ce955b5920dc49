import { ApiError, parseRetryAfter } from './api-error.ts'
import { API_PREFIX, APP_PREFIX } from './app-paths.ts'

/** Where API paths are resolved; the same-origin prefix unless set (tests outside a page set an origin). */
let apiBase = API_PREFIX

export function setApiBase(base: string): void {
  apiBase = base.replace(/\/+$/, '')
}

/** A request the API has not answered by then is abandoned with a `timeout` error. */
export const DEFAULT_TIMEOUT_MS = 20_000

export interface ApiGetOptions {
  signal?: AbortSignal
  timeoutMs?: number
}

export interface ApiResponse {
  body: unknown
  headers: Headers
}

/**
 * GETs `path` (relative to the API base, e.g. `/tasks/`) through the
 * same-origin prefix. Resolves with parsed JSON; every failure becomes an
 * `ApiError`, except a caller's abort, which rejects with the abort reason so
 * React Query can tell cancellation from failure.
 */
export async function apiGet(
  path: string,
  params?: URLSearchParams,
  { signal, timeoutMs = DEFAULT_TIMEOUT_MS }: ApiGetOptions = {},
  base: string = apiBase,
): Promise<ApiResponse> {
  const query = params && params.size > 0 ? `?${params.toString()}` : ''
  const url = `${base}${path}${query}`
  // A timer rather than AbortSignal.timeout: the page's clock drives it, so tests can fast-forward it.
  const timer = new AbortController()
  const timeoutId = setTimeout(() => timer.abort(new DOMException('timeout', 'TimeoutError')), timeoutMs)
  try {
    return await send(url, { caller: signal, timeout: timer.signal, timeoutMs })
  } finally {
    clearTimeout(timeoutId)
  }
}

/** Like `apiGet`, for a path under the app server's own prefix (e.g. `/counts`). */
export async function appGet(
  path: string,
  params?: URLSearchParams,
  options: ApiGetOptions = {},
): Promise<ApiResponse> {
  return apiGet(`${APP_PREFIX}${path}`, params, options, appBase())
}

function appBase(): string {
  return apiBase.endsWith(API_PREFIX) ? apiBase.slice(0, -API_PREFIX.length) : ''
}

interface Signals {
  caller: AbortSignal | undefined
  timeout: AbortSignal
  timeoutMs: number
}

async function send(url: string, signals: Signals): Promise<ApiResponse> {
  const signal = signals.caller ? AbortSignal.any([signals.caller, signals.timeout]) : signals.timeout
  let response: Response
  try {
    response = await fetch(url, {
      // A personal key travels as the session cookie, never from script.
      headers: { accept: 'application/json' },
      signal,
    })
  } catch (error) {
    throw toTransportError(error, signals)
  }

  let text: string
  try {
    text = await response.text()
  } catch (error) {
    throw toTransportError(error, signals)
  }

  if (!response.ok) throw toHttpError(response, text)

  try {
    return { body: JSON.parse(text) as unknown, headers: response.headers }
  } catch (error) {
    const contentType = response.headers.get('content-type')?.split(';')[0] ?? null
    throw new ApiError({
      kind: 'invalid-json',
      reason: { code: 'not-json', contentType },
      status: response.status,
      cause: error,
    })
  }
}

function toTransportError(error: unknown, { caller, timeout, timeoutMs }: Signals): unknown {
  if (caller?.aborted) return caller.reason
  if (timeout.aborted) {
    const seconds = Math.round(timeoutMs / 1000)
    return new ApiError({
      kind: 'timeout',
      reason: { code: 'timeout', seconds },
      cause: error,
    })
  }
  return new ApiError({ kind: 'network', message: 'The server could not be reached.', cause: error })
}

function toHttpError(response: Response, text: string): ApiError {
  const { message, details } = readErrorBody(text)
  return new ApiError({
    kind: 'http',
    status: response.status,
    message: message ?? (response.statusText || `HTTP ${response.status}`),
    details,
    retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
  })
}

/** The API's error shape is `{"message", "errors": [{"message"}]}`; proxies send anything. */
function readErrorBody(text: string): { message: string | null; details: string[] } {
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    return { message: null, details: [] }
  }
  if (typeof body !== 'object' || body === null) return { message: null, details: [] }
  const record = body as Record<string, unknown>
  const message = typeof record.message === 'string' && record.message.trim() !== '' ? record.message : null
  const details = Array.isArray(record.errors)
    ? record.errors.flatMap((entry: unknown) => {
        const text = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>).message : null
        return typeof text === 'string' ? [text] : []
      })
    : []
  return { message, details: details.filter((detail) => detail !== message) }
}
