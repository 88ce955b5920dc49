import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { sendJsonError } from './json-error.ts'
import { proxyApiRequest, type UpstreamOptions } from './upstream-proxy.ts'

/** The same-origin prefix the browser calls the API under. */
export const API_PREFIX = '/api'

/**
 * No inline or foreign script; inline style attributes only (React and the
 * popover positioning set them); images from anywhere on http(s), because
 * avatar URLs point at the API's file hosts; no framing.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' https: http:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')

export type RequestHandler = (req: IncomingMessage, res: ServerResponse, pathname: string) => Promise<void>

export interface AppServerOptions {
  upstream: UpstreamOptions
  /** Serves the SPA: built files in production, Vite in development. */
  frontend: RequestHandler
  /** Demo mode only: answers demo avatars and fault control; returns false for other paths. */
  demoExtras?: (req: IncomingMessage, res: ServerResponse, url: string) => boolean
  /** Off only for Vite's dev server, whose HMR client needs inline scripts. */
  contentSecurityPolicy?: boolean
  /** The app's own endpoints (`/app/…`, `/v/…`): answers and returns true, or returns false. */
  appRoutes?: (req: IncomingMessage, res: ServerResponse, pathname: string) => Promise<boolean>
  /** The key for this request's upstream calls (a session's); null when it already answered. */
  upstreamKeyFor?: (req: IncomingMessage, res: ServerResponse) => Promise<string | undefined | null>
}

/**
 * One process for the browser: the SPA, and the tasks API under one
 * same-origin prefix (so no CORS, and the server-side key stays here).
 */
export function createAppServer({
  upstream,
  frontend,
  demoExtras,
  contentSecurityPolicy = true,
  appRoutes,
  upstreamKeyFor,
}: AppServerOptions): Server {
  return createServer((req, res) => {
    const url = req.url ?? '/'
    const pathname = url.split('?')[0] ?? '/'
    res.setHeader('x-content-type-options', 'nosniff')
    res.setHeader('referrer-policy', 'same-origin')
    res.setHeader('x-frame-options', 'DENY')
    if (contentSecurityPolicy) res.setHeader('content-security-policy', CONTENT_SECURITY_POLICY)

    const handled = route(req, res, url, pathname)
    handled.catch((error: unknown) => {
      console.error('Request failed:', req.method, pathname, error instanceof Error ? error.message : error)
      if (!res.headersSent) sendJsonError(res, 500, 'Internal error')
      else res.destroy()
    })
  })

  async function route(req: IncomingMessage, res: ServerResponse, url: string, pathname: string): Promise<void> {
    if (pathname === API_PREFIX || pathname.startsWith(`${API_PREFIX}/`)) {
      const apiKey = upstreamKeyFor ? await upstreamKeyFor(req, res) : upstream.apiKey
      if (apiKey === null) return
      await proxyApiRequest(req, res, url.slice(API_PREFIX.length) || '/', { ...upstream, apiKey })
      return
    }
    if (appRoutes && (await appRoutes(req, res, pathname))) return
    if (demoExtras?.(req, res, url)) return
    await frontend(req, res, pathname)
  }
}
