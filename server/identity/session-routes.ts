import type { IncomingMessage, ServerResponse } from 'node:http'
import { z } from 'zod'
import type { RateLimit } from '../http/rate-limit.ts'
import { readJsonBody } from '../http/read-json-body.ts'
import { sendJson } from '../http/send-json.ts'
import { sendJsonError } from '../http/json-error.ts'
import { clientAddress, isHttps } from './client-address.ts'
import { formatTokenCookie, readTokenCookie, SESSION_COOKIE } from './cookies.ts'
import type { RequestContext, Route } from './request-context.ts'
import type { SessionLimits, SessionsRepository } from './sessions-repository.ts'
import type { UpstreamClient } from '../upstream/upstream-client.ts'
import { readKeyUser } from './upstream-self.ts'

export type IdentityModeName = 'demo' | 'shared-key' | 'personal-key'

export interface SessionRoutesOptions {
  modeName: IdentityModeName
  /** The task changes a request may make (none for a reader). */
  writableOperations: (context: RequestContext) => Promise<readonly string[]>
  /** Present in personal-key mode only: the other modes have nothing to sign in to. */
  sessions: SessionsRepository | undefined
  limits: SessionLimits
  upstream: UpstreamClient
  trustedProxies: readonly string[]
  signInLimit: RateLimit
}

// The vendor's keys are `<id>:<secret>`; anything printable within a header's reach is tried.
const signInBody = z.strictObject({
  apiKey: z
    .string()
    .trim()
    .min(1, 'Enter your API key.')
    .max(500)
    .regex(/^[\x21-\x7e]+$/, 'An API key has no spaces or special characters.'),
})

/** `/app/session`: who the board acts as (GET), sign in with a personal key (POST), sign out (DELETE). */
export function createSessionRoutes(options: SessionRoutesOptions): Route[] {
  const { modeName, sessions, limits, upstream, trustedProxies, signInLimit, writableOperations } = options

  const session = /^\/app\/session$/
  const routes: Route[] = [
    [
      'GET',
      session,
      async ({ res, context }) => {
        const identity = await context.identity()
        if (identity.setCookies.length > 0) res.setHeader('set-cookie', identity.setCookies)
        const user = identity.actor ? { id: identity.actor.userId, name: identity.actor.userName } : null
        sendJson(res, 200, {
          mode: modeName,
          signedIn: identity.actor !== null,
          user,
          writes: await writableOperations(context),
          ...(identity.unavailable ? { problem: identity.unavailable } : {}),
        })
      },
    ],
    ['POST', session, ({ req, res }) => signIn(req, res)],
    [
      'DELETE',
      session,
      async ({ req, res }) => {
        const token = readTokenCookie(req, SESSION_COOKIE, isHttps(req, trustedProxies))
        if (token && sessions) await sessions.remove(token)
        res.writeHead(204, { 'cache-control': 'no-store', 'set-cookie': sessionCookie(req, '', 0) }).end()
      },
    ],
  ]
  return routes

  async function signIn(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!sessions) {
      sendJsonError(res, 409, 'This board signs everyone in with the server’s key; there is nothing to sign in to.')
      return
    }
    // Per address (behind a trusted proxy, the browser's): a guesser has no session to be limited by.
    const wait = signInLimit.take(`sign-in:${clientAddress(req, trustedProxies)}`)
    if (wait > 0) {
      sendJsonError(res, 429, 'Too many sign-in attempts; wait a moment.', { 'retry-after': String(wait) })
      return
    }
    const parsed = signInBody.safeParse(await readJsonBody(req))
    if (!parsed.success) {
      sendJsonError(res, 400, parsed.error.issues[0]?.message ?? 'Enter your API key.')
      return
    }
    const result = await readKeyUser(upstream, parsed.data.apiKey)
    if (result.kind === 'rejected') {
      sendJsonError(res, 401, 'The tasks API did not accept this key.')
      return
    }
    if (result.kind === 'unavailable') {
      sendJsonError(res, 502, `${result.message} Try signing in again shortly.`)
      return
    }
    const previous = readTokenCookie(req, SESSION_COOKIE, isHttps(req, trustedProxies))
    if (previous) await sessions.remove(previous)
    const token = await sessions.create(result.user, parsed.data.apiKey)
    sendJson(
      res,
      201,
      { mode: modeName, signedIn: true, user: { id: result.user.userId, name: result.user.userName } },
      { 'set-cookie': sessionCookie(req, token, Math.floor(limits.absoluteMs / 1000)) },
    )
  }

  function sessionCookie(req: IncomingMessage, token: string, maxAgeSeconds: number): string {
    return formatTokenCookie(SESSION_COOKIE, token, { secure: isHttps(req, trustedProxies), maxAgeSeconds })
  }
}
