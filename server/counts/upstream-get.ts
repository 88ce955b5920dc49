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

export interface UpstreamGetOptions {
  /** API base including `/v2`, without a trailing slash. */
  baseUrl: string
  timeoutMs: number
  /** A 1,000-row page is about 1.5 MB; anything far bigger is not a page of tasks. */
  maxBodyBytes?: number
}

const DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024

/** A plain `fetch` with a timeout and a body cap: the default until a shared upstream client takes its place. */
export function createUpstreamGet({
  baseUrl,
  timeoutMs,
  maxBodyBytes = DEFAULT_MAX_BODY_BYTES,
}: UpstreamGetOptions): GetUpstream {
  return async (path, params, key, signal) => {
    const headers: Record<string, string> = { accept: 'application/json' }
    if (key) headers['x-API-Key'] = key
    const timeout = AbortSignal.timeout(timeoutMs)
    const response = await fetch(`${baseUrl}${path}?${params.toString()}`, {
      headers,
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      redirect: 'manual',
    })
    const text = await readCapped(response, maxBodyBytes)
    let json: unknown = null
    try {
      json = JSON.parse(text)
    } catch {
      // Not JSON (an HTML error page, a cut-off body): callers treat null as unreadable.
    }
    return { status: response.status, headers: { retryAfter: response.headers.get('retry-after') }, json }
  }
}

async function readCapped(response: Response, maxBytes: number): Promise<string> {
  if (!response.body) return ''
  // Node types the body loosely; fetch streams bytes.
  const reader = (response.body as ReadableStream<Uint8Array>).getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    size += read.value.byteLength
    if (size > maxBytes) {
      await reader.cancel()
      throw new Error(`The tasks API sent more than ${maxBytes} bytes.`)
    }
    chunks.push(read.value)
  }
  return Buffer.concat(chunks).toString('utf8')
}
