import type { IncomingMessage } from 'node:http'

/** The server's two token cookies: a signed-in session, and an anonymous browser's id (shared-key mode). */
export type TokenCookie = 'tb_session' | 'tb_browser'
export const SESSION_COOKIE: TokenCookie = 'tb_session'
export const BROWSER_COOKIE: TokenCookie = 'tb_browser'

/**
 * The name a token cookie goes by: over https with the `__Host-` prefix, which
 * a browser keeps only when set by this very host (Secure, `Path=/`, no
 * Domain), so a sibling subdomain cannot plant one of its own. Plain http
 * cannot set such a cookie and keeps the bare name.
 */
export function tokenCookieName(cookie: TokenCookie, secure: boolean): string {
  return secure ? `__Host-${cookie}` : cookie
}

/**
 * A token cookie's value from the request, or undefined: when absent, not
 * well formed, or sent more than once. Two of a name are one this host set
 * and one planted beside it (with another Path or Domain), and nothing says
 * which is which: neither is believed.
 */
export function readTokenCookie(req: IncomingMessage, cookie: TokenCookie, secure: boolean): string | undefined {
  const values = readCookieValues(req, tokenCookieName(cookie, secure))
  const value = values.length === 1 ? values[0]! : undefined
  return value !== undefined && /^[A-Za-z0-9_-]{16,128}$/.test(value) ? value : undefined
}

/** One cookie's value as sent (the first of its name), unchecked: for a reader that makes sense of it itself. */
export function readCookieText(req: IncomingMessage, name: string): string | undefined {
  return readCookieValues(req, name)[0]
}

function readCookieValues(req: IncomingMessage, name: string): string[] {
  const values: string[] = []
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const separator = part.indexOf('=')
    if (separator < 0) continue
    if (part.slice(0, separator).trim() === name) values.push(part.slice(separator + 1).trim())
  }
  return values
}

/** httpOnly, SameSite=Strict, whole site; over https Secure and `__Host-` named (see tokenCookieName). */
export function formatTokenCookie(
  cookie: TokenCookie,
  value: string,
  { secure, maxAgeSeconds }: { secure: boolean; maxAgeSeconds: number },
): string {
  return [
    `${tokenCookieName(cookie, secure)}=${value}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Strict',
    `Max-Age=${maxAgeSeconds}`,
    ...(secure ? ['Secure'] : []),
  ].join('; ')
}
