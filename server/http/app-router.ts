import type { IncomingMessage, ServerResponse } from 'node:http'
import { APP_PREFIX } from '../../src/shared/app-paths.ts'
import { sendJsonError } from './json-error.ts'
import { refuseCrossSiteWrite } from './write-guard.ts'

export type RouteMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

export interface RouteCall<Context> {
  req: IncomingMessage
  res: ServerResponse
  /** The path's captured parts, in order. */
  params: string[]
  search: URLSearchParams
  context: Context
}

/** One line of the table: a method, a whole path, and what answers it; `false` hands the request on (to the SPA). */
export type AppRoute<Context> = [RouteMethod, RegExp, (call: RouteCall<Context>) => Promise<void | false>]

/**
 * The app server's own endpoints, routed by one table: a path no line
 * matches under the app's prefix is a JSON 404 (never the SPA), a method no
 * line has is a 405 naming the ones there are, and every write first passes
 * the cross-site guard (`isSecure`: whether the request came over https).
 * Answers true when it answered.
 */
export function createAppRouter<Context>(
  routes: readonly AppRoute<Context>[],
  { isSecure = () => false }: { isSecure?: (req: IncomingMessage) => boolean } = {},
) {
  return async function route(
    req: IncomingMessage,
    res: ServerResponse,
    pathname: string,
    context: Context,
  ): Promise<boolean> {
    const matches = routes.filter(([, pattern]) => pattern.test(pathname))
    if (matches.length === 0) {
      if (pathname !== APP_PREFIX && !pathname.startsWith(`${APP_PREFIX}/`)) return false
      sendJsonError(res, 404, 'Not found')
      return true
    }
    const line = matches.find(([method]) => method === req.method)
    if (!line) {
      sendJsonError(res, 405, `Method ${req.method ?? ''} is not allowed here.`, {
        allow: matches.map(([method]) => method).join(', '),
      })
      return true
    }
    const [method, pattern, answer] = line
    if (method !== 'GET') {
      const refusal = refuseCrossSiteWrite(req, { secure: isSecure(req) })
      if (refusal) {
        sendJsonError(res, refusal.status, refusal.message)
        return true
      }
    }
    const params = pattern.exec(pathname)!.slice(1)
    const search = new URLSearchParams((req.url ?? '').split('?')[1] ?? '')
    return (await answer({ req, res, params, search, context })) !== false
  }
}
