import { createConcurrencyGate, GateFullError, type UpstreamPriority } from './concurrency-gate.ts'
import { isPlainApiPath } from './plain-api-path.ts'
import { refusalOf, UpstreamError, upstreamFailureWords } from './upstream-error.ts'

export interface UpstreamClientOptions {
  /** API base including `/v2`, without a trailing slash. */
  baseUrl: string
  /** Per call, from the first wait for a slot to the last byte of the body. */
  timeoutMs: number
  /** Cap on a decoded (decompressed) body; beyond it the call fails as `too-large`. Default 20 MB. */
  maxBodyBytes?: number
  /** Upstream calls in flight at once. Default 16. */
  maxConcurrent?: number
  /** Calls waiting for a slot; beyond it a call fails at once as `busy`. Default 500. */
  maxQueued?: number
}

export type UpstreamMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

export interface UpstreamRequest {
  /** Default GET. */
  method?: UpstreamMethod
  /** A plain API path relative to the base (`/tasks/`), optionally with its query. */
  path: string
  /** Added to the path's own query. */
  query?: URLSearchParams
  /** Sent as a JSON body. */
  json?: unknown
  /** Sent as `x-API-Key`; none when undefined. */
  key?: string | undefined
  /** The caller's own cancellation (the browser went away, the page went out). */
  signal?: AbortSignal | undefined
  /** Default `page`; counting and other work nobody watches says `background`. */
  priority?: UpstreamPriority
}

export interface UpstreamAnswer {
  status: number
  headers: Headers
  /** The whole decoded body, at most `maxBodyBytes`. */
  body: Buffer
  /** The body read as JSON; null when it is not JSON (an HTML error page, a cut-off body). */
  json(): unknown
}

/** One bounded call to the upstream API: resolves with any status, rejects with an UpstreamError. */
export type UpstreamClient = (request: UpstreamRequest) => Promise<UpstreamAnswer>

/**
 * The one way the server calls the upstream API, reads and writes alike.
 * Every call shares the same limits: a slot among `maxConcurrent` (page
 * requests first), a timeout, and a cap on the decoded body, so a gzip bomb
 * or a huge answer costs at most `maxBodyBytes` of memory per call.
 * Redirects are not followed: the key must not travel to another host.
 */
export function createUpstreamClient({
  baseUrl,
  timeoutMs,
  maxBodyBytes = 20_000_000,
  maxConcurrent = 16,
  maxQueued = 500,
}: UpstreamClientOptions): UpstreamClient {
  const gate = createConcurrencyGate({ limit: maxConcurrent, maxQueued })

  return async function upstream({ method = 'GET', path, query, json, key, signal, priority = 'page' }) {
    const plainPath = path.split('?')[0] ?? ''
    if (!isPlainApiPath(plainPath)) throw new UpstreamError('bad-path', upstreamFailureWords.badPath(plainPath))
    const timeout = AbortSignal.timeout(timeoutMs)
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout
    const failure = (error: unknown): UpstreamError => {
      if (error instanceof UpstreamError) return error
      if (error instanceof GateFullError) return new UpstreamError('busy', upstreamFailureWords.busy)
      if (signal?.aborted) return new UpstreamError('aborted', upstreamFailureWords.aborted)
      if (timeout.aborted) return new UpstreamError('timeout', upstreamFailureWords.timeout(timeoutMs))
      return new UpstreamError('unreachable', upstreamFailureWords.unreachable)
    }

    let release: () => void
    try {
      release = await gate.acquire(priority, combined)
    } catch (error) {
      throw failure(error)
    }
    try {
      const headers: Record<string, string> = { accept: 'application/json' }
      if (key) headers['x-API-Key'] = key
      if (json !== undefined) headers['content-type'] = 'application/json'
      const search = query?.toString() ?? ''
      const url = `${baseUrl}${path}${search === '' ? '' : `${path.includes('?') ? '&' : '?'}${search}`}`
      const body = json === undefined ? undefined : JSON.stringify(json)
      const send = () => fetch(url, { method, headers, body, signal: combined, redirect: 'manual' })
      // A kept-alive connection the upstream closed just as a GET went out fails before any answer;
      // a GET is safe to send once more, on a fresh connection. A write is not.
      const response = await send().catch((error: unknown) => {
        if (combined.aborted || method !== 'GET') throw error
        return send()
      })
      return answerOf(response.status, response.headers, await readCapped(response, maxBodyBytes))
    } catch (error) {
      throw failure(error)
    } finally {
      release()
    }
  }
}

function answerOf(status: number, headers: Headers, body: Buffer): UpstreamAnswer {
  let parsed: { value: unknown } | undefined
  return {
    status,
    headers,
    body,
    json() {
      if (!parsed) {
        try {
          parsed = { value: JSON.parse(body.toString('utf8')) as unknown }
        } catch {
          parsed = { value: null }
        }
      }
      return parsed.value
    },
  }
}

/**
 * The rows of a list endpoint's 200 answer; rejects with an UpstreamError
 * for any other status (scrubbing `key` from the upstream's message) or a
 * body that is not a list.
 */
export function listOf(answer: UpstreamAnswer, key: string | undefined, now = Date.now()): unknown[] {
  if (answer.status !== 200) throw refusalOf(answer, { keys: [key], now })
  const rows = answer.json()
  if (!Array.isArray(rows)) throw new UpstreamError('unreadable', upstreamFailureWords.unreadableList)
  return rows
}

/** Reads a body chunk by chunk and gives up as soon as the decoded bytes pass the cap. */
async function readCapped(response: Response, maxBytes: number): Promise<Buffer> {
  if (!response.body) return Buffer.alloc(0)
  const reader = (response.body as ReadableStream<Uint8Array>).getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > maxBytes) {
      await reader.cancel()
      throw new UpstreamError('too-large', upstreamFailureWords.tooLarge)
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks, total)
}
