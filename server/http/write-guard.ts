import type { IncomingMessage } from 'node:http'

/** The header every write of the board carries. A cross-site form cannot set it, and a cross-site script cannot without a CORS preflight this server never grants. */
export const CSRF_HEADER = 'x-task-board'
export const CSRF_HEADER_VALUE = '1'

/**
 * The one check in front of every write of the app's own endpoints: the
 * request comes from a page of this origin (Origin matches the Host, and its
 * scheme is https when the request came over https; or the browser says
 * Sec-Fetch-Site: same-origin), carries the custom header, and sends JSON.
 * Answers why it refuses, or null.
 */
export function refuseCrossSiteWrite(
  req: IncomingMessage,
  { secure = false }: { secure?: boolean } = {},
): { status: number; message: string } | null {
  const origin = req.headers.origin
  const fetchSite = req.headers['sec-fetch-site']
  const host = req.headers.host
  if (fetchSite !== undefined && fetchSite !== 'same-origin') {
    return { status: 403, message: 'Cross-site requests cannot change saved data.' }
  }
  if (origin !== undefined) {
    if (!host || !sameHost(origin, host))
      return { status: 403, message: 'Cross-site requests cannot change saved data.' }
    // A plain-http page of the same host name (which anyone on the network can forge) writing to the board over
    // https. The other way round is a TLS proxy this server was not told of, and is let through.
    if (secure && !origin.startsWith('https:'))
      return { status: 403, message: 'A page not served over https cannot change saved data.' }
  } else if (fetchSite === undefined) {
    // Every browser that runs the board sends one of the two on a write; a request with neither is no page of ours.
    return { status: 403, message: 'Writes must come from the board: the Origin header is missing.' }
  }
  if (req.headers[CSRF_HEADER] !== CSRF_HEADER_VALUE) {
    return { status: 403, message: `Writes must carry the header ${CSRF_HEADER}: ${CSRF_HEADER_VALUE}.` }
  }
  const type = req.headers['content-type']?.split(';')[0]?.trim().toLowerCase()
  if (type !== 'application/json') return { status: 415, message: 'Send the body as application/json.' }
  return null
}

function sameHost(origin: string, host: string): boolean {
  try {
    return new URL(origin).host === host.toLowerCase()
  } catch {
    return false
  }
}
