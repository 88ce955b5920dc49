import type { IncomingMessage } from 'node:http'

export const SESSION_COOKIE = 'tb_session'
export const BROWSER_COOKIE = 'tb_browser'

/** One token cookie's value from the request (a session's or browser's id), or undefined. */
export function readCookie(req: IncomingMessage, name: string): string | undefined {
  const value = readCookieText(req, name)
  return value !== undefined && /^[A-Za-z0-9_-]{16,128}$/.test(value) ? value : undefined
}

/** One cookie's value as sent, unchecked: for a reader that makes sense of it itself. */
export function readCookieText(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const separator = part.indexOf('=')
    if (separator < 0) continue
    if (part.slice(0, separator).trim() === name) return part.slice(separator + 1).trim()
  }
  return undefined
}

/** httpOnly, SameSite=Strict, whole site; Secure when the board is served over https. */
export function formatCookie(
  name: string,
  value: string,
  { secure, maxAgeSeconds }: { secure: boolean; maxAgeSeconds: number },
): string {
  return [
    `${name}=${value}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Strict',
    `Max-Age=${maxAgeSeconds}`,
    ...(secure ? ['Secure'] : []),
  ].join('; ')
}
