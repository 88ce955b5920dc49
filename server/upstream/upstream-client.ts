import { createConcurrencyGate, GateFullError, type UpstreamPriority } from './concurrency-gate.ts'
import { isPlainApiPath } from './plain-api-path.ts'

export interface UpstreamClientOptions {
  /** API base including `/v2`, without a trailing slash. */
  baseUrl: string
  /** Per call, from the first wait for a slot to the last byte of the body. */
  timeoutMs: number
  /** Cap on a decoded (decompressed) body; beyond it the call fails as `too-large`. */
  maxBodyBytes: number
  /** Upstream calls in flight at once. */
  maxConcurrent: number
  /** Calls waiting for a slot; beyond it a call fails at once as `busy`. */
  maxQueued: number
}

export interface UpstreamAnswer {
  status: number
  headers: Headers
  /** The whole decoded body, at most `maxBodyBytes`. */
  body: Buffer
}

export type UpstreamFailure = 'timeout' | 'unreachable' | 'too-large' | 'busy' | 'aborted' | 'bad-path'

export class UpstreamError extends Error {
  readonly kind: UpstreamFailure
  constructor(kind: UpstreamFailure, message: string) {
    super(message)
    this.kind = kind
  }
}

export interface UpstreamGetOptions {
  /** Sent as `x-API-Key`; none when undefined. */
  apiKey?: string | undefined
  /** The caller's own cancellation (the browser went away). */
  signal?: AbortSignal | undefined
  /** Default `page`; counting and other work nobody watches should say `background`. */
  priority?: UpstreamPriority
}

/** One bounded GET to the upstream API: resolves with any status, rejects with an UpstreamError. */
export type UpstreamGet = (pathAndQuery: string, options?: UpstreamGetOptions) => Promise<UpstreamAnswer>

/**
 * The one way the server calls the upstream API. Every call shares the
 * same limits: a slot among `maxConcurrent` (page requests first), a
 * timeout, and a cap on the decoded body, so a gzip bomb or a huge answer
 * costs at most `maxBodyBytes` of memory per call. Redirects are not
 * followed: the key must not travel to another host.
 */
export function createUpstreamClient(options: UpstreamClientOptions): UpstreamGet {
  const gate = createConcurrencyGate({ limit: options.maxConcurrent, maxQueued: options.maxQueued })

  return async function upstreamGet(pathAndQuery, { apiKey, signal, priority = 'page' } = {}) {
    const path = pathAndQuery.split('?')[0] ?? ''
    if (!isPlainApiPath(path)) throw new UpstreamError('bad-path', `Not a plain API path: ${path}`)
    const timeout = AbortSignal.timeout(options.timeoutMs)
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout
    const failure = (error: unknown): UpstreamError => {
      if (error instanceof UpstreamError) return error
      if (error instanceof GateFullError) return new UpstreamError('busy', error.message)
      if (signal?.aborted) return new UpstreamError('aborted', 'The caller went away')
      if (timeout.aborted) return new UpstreamError('timeout', 'The tasks API did not answer in time')
      return new UpstreamError('unreachable', 'The tasks API could not be reached')
    }

    let release: () => void
    try {
      release = await gate.acquire(priority, combined)
    } catch (error) {
      throw failure(error)
    }
    try {
      const headers: Record<string, string> = { accept: 'application/json' }
      if (apiKey) headers['x-API-Key'] = apiKey
      const send = () => fetch(`${options.baseUrl}${pathAndQuery}`, { headers, signal: combined, redirect: 'manual' })
      // A kept-alive connection the upstream closed just as this GET went out fails before any answer;
      // a GET is safe to send once more, on a fresh connection.
      const response = await send().catch((error: unknown) => {
        if (combined.aborted) throw error
        return send()
      })
      const body = await readCapped(response, options.maxBodyBytes)
      return { status: response.status, headers: response.headers, body }
    } catch (error) {
      throw failure(error)
    } finally {
      release()
    }
  }
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
      throw new UpstreamError('too-large', `The tasks API sent more than ${maxBytes} bytes`)
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks, total)
}
