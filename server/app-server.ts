import { API_PREFIX } from '../src/shared/app-paths.ts'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { answerFailure } from './http/answer-failure.ts'
import { createHostCheck } from './http/host-check.ts'
import { sendJsonError } from './http/json-error.ts'
import {
  applyConnectionLimit,
  DEFAULT_REQUEST_LIMITS,
  toServerOptions,
  type RequestLimits,
} from './http/request-limits.ts'
import { formatContentSecurityPolicy, setSecurityHeaders } from './http/security-headers.ts'
import { createPicturePolicy } from './proxy/picture-policy.ts'
import { proxyApiRequest } from './proxy/proxy-api-request.ts'
import type { AppRoutes, ContextFor, RequestHandler } from './identity/request-context.ts'
import type { UpstreamClient } from './upstream/upstream-client.ts'

export type { RequestHandler }

export interface AppServerOptions {
  /** The bounded upstream client every API call goes through. */
  upstream: UpstreamClient
  /** Makes each request's context (its upstream key, who acts) once, for every route. */
  contextFor: ContextFor
  /** Serves the SPA: built files in production, Vite in development. */
  frontend: RequestHandler
  /** Demo mode only: answers demo avatars and fault control; returns false for other paths. */
  demoExtras?: (req: IncomingMessage, res: ServerResponse, url: string) => boolean
  /** Off only for Vite's dev server, whose HMR client needs inline scripts. */
  contentSecurityPolicy?: boolean
  /** The built page's inline stylesheets, as CSP hash sources (`inlineStyleHashes`). */
  styleHashes?: readonly string[]
  /** The address the server listens on: its own name, besides loopback names. */
  bindHost?: string
  /** More host names this server answers for (`ALLOWED_HOSTS`). */
  allowedHosts?: readonly string[]
  /** Origins pictures may come from besides this one (the API's, `AVATAR_HOSTS`). */
  pictureOrigins?: readonly string[]
  limits?: RequestLimits
  /** The app's own endpoints (`/app/…`, `/v/…`): answers and returns true, or returns false. */
  appRoutes?: AppRoutes
}

/**
 * One process for the browser: the SPA, and the tasks API under one
 * same-origin prefix (so no CORS, and the server-side key stays here).
 * The front door comes first: unknown hosts, malformed targets and slow or
 * excess connections are turned away before any routing.
 */
export function createAppServer(options: AppServerOptions): Server {
  const { frontend, demoExtras, pictureOrigins = [], limits = DEFAULT_REQUEST_LIMITS } = options
  const isServedHost = createHostCheck({
    bindHost: options.bindHost ?? '127.0.0.1',
    allowedHosts: options.allowedHosts ?? [],
  })
  const csp =
    options.contentSecurityPolicy === false
      ? undefined
      : formatContentSecurityPolicy(pictureOrigins, options.styleHashes)
  const proxy = {
    upstream: options.upstream,
    isAllowedPicture: createPicturePolicy(pictureOrigins),
  }

  const server = createServer(toServerOptions(limits), (req, res) => {
    const url = req.url ?? '/'
    const pathname = url.split('?')[0] ?? '/'
    setSecurityHeaders(res, csp)
    if (!isServedHost(req)) {
      // 421: the request reached a server that does not serve the name it asked for (DNS rebinding, a stray proxy).
      sendJsonError(res, 421, 'This server does not answer for that host name.')
      return
    }
    if (!pathname.startsWith('/') || pathname.includes('//')) {
      // An absolute-form target, or `//` that a URL parser would read as an authority.
      sendJsonError(res, 400, 'Malformed request path.')
      return
    }

    route(req, res, url, pathname).catch((error: unknown) => {
      // A store that cannot say whose session this is: 503, as any app endpoint says it.
      if (!res.headersSent && answerFailure(res, error)) return
      console.error('Request failed:', req.method, pathname, error instanceof Error ? error.message : error)
      if (!res.headersSent) sendJsonError(res, 500, 'Internal error')
      else res.destroy()
    })
  })
  applyConnectionLimit(server, limits)
  return server

  async function route(req: IncomingMessage, res: ServerResponse, url: string, pathname: string): Promise<void> {
    const context = options.contextFor(req)
    if (pathname === API_PREFIX || pathname.startsWith(`${API_PREFIX}/`)) {
      await proxyApiRequest(req, res, url.slice(API_PREFIX.length) || '/', proxy, context)
      return
    }
    if (options.appRoutes && (await options.appRoutes(req, res, pathname, context))) return
    if (demoExtras?.(req, res, url)) return
    await frontend(req, res, pathname, context)
  }
}
