import { createHash } from 'node:crypto'
import type { ServerResponse } from 'node:http'

/**
 * No inline or foreign script; inline style attributes (React and the
 * popover positioning set them) and the built page's own inline
 * stylesheets, each allowed by its hash, as the only inline styles; images
 * from this origin and the picture origins in configuration only, so a
 * picture URL in the data cannot make every view of the board a tracking
 * pixel; no framing, no `<base>`.
 */
export function formatContentSecurityPolicy(
  pictureOrigins: readonly string[],
  styleHashes: readonly string[] = [],
): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    ["style-src 'self'", ...styleHashes].join(' '),
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

/**
 * The CSP sources of the `<style>` elements of a built page (index.html
 * carries the first screen's stylesheet inline, so its first paint waits
 * for no request): their hashes, so no other inline stylesheet is allowed.
 */
export function inlineStyleHashes(html: string): string[] {
  return [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map(
    ([, css]) => `'sha256-${createHash('sha256').update(css!).digest('base64')}'`,
  )
}

/** Headers every answer carries; the CSP is off only for Vite's dev server, whose HMR client needs inline scripts. */
export function setSecurityHeaders(res: ServerResponse, contentSecurityPolicy: string | undefined): void {
  res.setHeader('x-content-type-options', 'nosniff')
  res.setHeader('referrer-policy', 'same-origin')
  res.setHeader('x-frame-options', 'DENY')
  if (contentSecurityPolicy) res.setHeader('content-security-policy', contentSecurityPolicy)
}
