import type { ServerResponse } from 'node:http'

/**
 * No inline or foreign script; inline style attributes only (React and the
 * popover positioning set them); images from this origin and the picture
 * origins in configuration only, so a picture URL in the data cannot make
 * every view of the board a tracking pixel; no framing, no `<base>`.
 */
export function formatContentSecurityPolicy(pictureOrigins: readonly string[]): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "style-src-attr 'unsafe-inline'",
    ["img-src 'self'", ...pictureOrigins].join(' '),
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
}

/** Headers every answer carries; the CSP is off only for Vite's dev server, whose HMR client needs inline scripts. */
export function setSecurityHeaders(res: ServerResponse, contentSecurityPolicy: string | undefined): void {
  res.setHeader('x-content-type-options', 'nosniff')
  res.setHeader('referrer-policy', 'same-origin')
  res.setHeader('x-frame-options', 'DENY')
  if (contentSecurityPolicy) res.setHeader('content-security-policy', contentSecurityPolicy)
}
