import type { IncomingMessage } from 'node:http'
/**
 * Whether a request comes from a page on another site. Browsers send
 * `Sec-Fetch-Site` with every request and `Origin` with every POST, PUT and
 * DELETE; a request with neither is not a browser's cross-site request
 * (a test, curl) and passes.
 */
export function isCrossSiteRequest(req: IncomingMessage): boolean {
  const site = req.headers['sec-fetch-site']
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return true
  const origin = req.headers.origin
  if (origin === undefined) return false
  try {
    return new URL(origin).host !== req.headers.host?.toLowerCase()
  } catch {
    // `Origin: null` (sandboxed frames, file pages) or garbage: not this site.
    return true
  }
}
