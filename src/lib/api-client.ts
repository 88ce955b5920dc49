import { ApiError, parseRetryAfter } from '../shared/api-error.ts'
import { API_PREFIX, APP_PREFIX } from '../shared/app-paths.ts'

/** Where API paths are resolved; the same-origin prefix unless set (tests outside a page set an origin). */
let apiBase = API_PREFIX

export function setApiBase(base: string): void {
  apiBase = base.replace(/\/+$/, '')
}

/** A read not answered by then is abandoned with a `timeout` error. */
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
): Promise<ApiResponse> {
  return send(`${apiBase}${path}${queryOf(params)}`, { method: 'GET', headers: {} }, { caller: signal, timeoutMs })
}

export interface AppRequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  params?: URLSearchParams
  /** Sent as JSON with a write. */
  body?: unknown
  signal?: AbortSignal
}

/**
 * Calls an endpoint of the app server's own prefix (e.g. `/counts`,
 * `/views`) and resolves with its JSON, null for a 204. Fails as `apiGet`
 * does, with the refusal's JSON kept as the error's `body` (its code, a
 * 409's `current`).
 *
 * Writes carry the header the server's cross-site guard asks for and a JSON
 * body, and are not abandoned on a timer: a write that took long may still
 * have happened. The session is the httpOnly cookie, so no key ever passes
 * through here.
 */
export async function appRequest(
  path: string,
  { method = 'GET', params, body, signal }: AppRequestOptions = {},
): Promise<unknown> {
  const write = method !== 'GET'
  const init: RequestInit = write
    ? {
        method,
        headers: { 'content-type': 'application/json', 'x-task-board': '1' },
        body: JSON.stringify(body ?? {}),
      }
    : { method, headers: {} }
  const url = `${appBase()}${APP_PREFIX}${path}${queryOf(params)}`
  const answer = await send(url, init, { caller: signal, timeoutMs: write ? null : DEFAULT_TIMEOUT_MS })
  return answer.body
}

/** The address of an endpoint of the app server's own prefix, for a link (a download the browser makes itself). */
export function appHref(path: string, params?: URLSearchParams): string {
  return `${appBase()}${APP_PREFIX}${path}${queryOf(params)}`
}

function appBase(): string {
  return apiBase.endsWith(API_PREFIX) ? apiBase.slice(0, -API_PREFIX.length) : ''
}

function queryOf(params: URLSearchParams | undefined): string {
  return params && params.size > 0 ? `?${params.toString()}` : ''
}

interface Signals {
  caller: AbortSignal | undefined
  /** Null: never abandoned on a timer. */
  timeoutMs: number | null
}

async function send(url: string, init: RequestInit, signals: Signals): Promise<ApiResponse> {
  // A timer rather than AbortSignal.timeout: the page's clock drives it, so tests can fast-forward it.
  const timer = new AbortController()
  const { timeoutMs } = signals
  const timeoutId =
    timeoutMs === null ? null : setTimeout(() => timer.abort(new DOMException('timeout', 'TimeoutError')), timeoutMs)
  const signal = signals.caller ? AbortSignal.any([signals.caller, timer.signal]) : timer.signal
  try {
    return await exchange(url, { ...init, signal }, { ...signals, timeout: timer.signal })
  } finally {
    if (timeoutId !== null) clearTimeout(timeoutId)
  }
}

async function exchange(
  url: string,
  init: RequestInit,
  signals: Signals & { timeout: AbortSignal },
): Promise<ApiResponse> {
  let response: Response
  try {
    response = await fetch(url, {
      ...init,
      // A personal key travels as the session cookie, never from script.
      credentials: 'same-origin',
      headers: { accept: 'application/json', ...(init.headers as Record<string, string>) },
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
  if (response.status === 204) return { body: null, headers: response.headers }

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

function toTransportError(error: unknown, { caller, timeout, timeoutMs }: Signals & { timeout: AbortSignal }): unknown {
  if (caller?.aborted) return caller.reason
  if (timeout.aborted && timeoutMs !== null) {
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
  const { message, details, body } = readErrorBody(text)
  return new ApiError({
    kind: 'http',
    status: response.status,
    message: message ?? (response.statusText || `HTTP ${response.status}`),
    details,
    body,
    retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
  })
}

/** The API's error shape is `{"message", "errors": [{"message"}]}`; proxies send anything. */
function readErrorBody(text: string): { message: string | null; details: string[]; body: unknown } {
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    return { message: null, details: [], body: null }
  }
  if (typeof body !== 'object' || body === null) return { message: null, details: [], body }
  const record = body as Record<string, unknown>
  const message = typeof record.message === 'string' && record.message.trim() !== '' ? record.message : null
  const details = Array.isArray(record.errors)
    ? record.errors.flatMap((entry: unknown) => {
        const text = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>).message : null
        return typeof text === 'string' ? [text] : []
      })
    : []
  return { message, details: details.filter((detail) => detail !== message), body }
}
