import { createUpstreamClient, UpstreamError as ClientError, type UpstreamGet } from '../upstream/upstream-client.ts'
import { UpstreamError } from './upstream-error.ts'

/** What one upstream GET answered: status, the headers counting reads, and the body as JSON (null when it was not JSON). */
export interface UpstreamAnswer {
  status: number
  headers: { retryAfter: string | null }
  json: unknown
}

/**
 * The one seam between counting and the network: GET `path` (relative to the
 * API base) with `params`, sending `key` as `x-API-Key`. Rejects when no
 * answer came (network, timeout, body too big); any status resolves.
 */
export type GetUpstream = (
  path: string,
  params: URLSearchParams,
  key: string | undefined,
  signal?: AbortSignal,
) => Promise<UpstreamAnswer>

/**
 * Counting and the workload over the server's one bounded upstream client,
 * at background priority: they share its limits, and a board's own page
 * request always gets a slot before them.
 */
export function fromUpstreamClient(upstreamGet: UpstreamGet): GetUpstream {
  return async (path, params, key, signal) => {
    try {
      const answer = await upstreamGet(`${path}?${params.toString()}`, { apiKey: key, signal, priority: 'background' })
      let json: unknown = null
      try {
        json = JSON.parse(answer.body.toString('utf8'))
      } catch {
        // Not JSON (an HTML error page, a cut-off body): callers treat null as unreadable.
      }
      return { status: answer.status, headers: { retryAfter: answer.headers.get('retry-after') }, json }
    } catch (error) {
      if (!(error instanceof ClientError)) throw error
      const message =
        error.kind === 'timeout'
          ? 'The tasks API did not answer in time.'
          : error.kind === 'too-large'
            ? `${error.message}.`
            : 'The tasks API could not be reached.'
      throw new UpstreamError(message, null)
    }
  }
}

export interface UpstreamGetOptions {
  /** API base including `/v2`, without a trailing slash. */
  baseUrl: string
  timeoutMs: number
  maxBodyBytes?: number
}

/** A client of its own for tests and the figures script, with the server's default limits. */
export function createUpstreamGet({ baseUrl, timeoutMs, maxBodyBytes = 20_000_000 }: UpstreamGetOptions): GetUpstream {
  return fromUpstreamClient(
    createUpstreamClient({ baseUrl, timeoutMs, maxBodyBytes, maxConcurrent: 16, maxQueued: 500 }),
  )
}
