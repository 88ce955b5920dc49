import { createHash, randomBytes } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import type { UpstreamClient } from '../upstream/upstream-client.ts'
import { fromTrustedProxy, isHttps, peerAddress } from './client-address.ts'
import { BROWSER_COOKIE, formatCookie, readCookie, SESSION_COOKIE } from './cookies.ts'
import {
  browserKeyOf,
  chooseUpstreamKey,
  once,
  type Actor,
  type ContextFor,
  type RequestIdentity,
} from './request-context.ts'
import type { OpenSession, SessionsRepository } from './sessions-repository.ts'
import { readKeyUser, type KeyUser } from './upstream-self.ts'
/**
 * - demo: everyone is the demo key's user.
 * - shared-key: everyone uses the server's key; a trusted proxy's header
 *   names the person, else each browser is a person of its own for
 *   personal views (one team identity for everything else).
 * - personal-key: each dispatcher signs in with their own key (a session).
 */
export type IdentityMode =
  | { kind: 'demo'; apiKey: string }
  | { kind: 'shared-key'; apiKey: string; trustedUserHeader: string | undefined }
  | { kind: 'personal-key'; sessions: Pick<SessionsRepository, 'find' | 'remove'> }

export interface IdentityOptions {
  mode: IdentityMode
  upstream: UpstreamClient
  trustedProxies: readonly string[]
  now?: () => number
}

/** A server key's user rarely changes; asking again every ten minutes notices a replaced key. */
const KEY_USER_TTL_MS = 10 * 60_000
const BROWSER_COOKIE_SECONDS = 400 * 86_400

/** The front door's maker of request contexts, for the server's identity mode. */
export function createRequestContexts({ mode, upstream, trustedProxies, now = Date.now }: IdentityOptions): ContextFor {
  let cached: { user: KeyUser; until: number } | undefined

  async function serverKeyUser(apiKey: string): Promise<KeyUser | string> {
    if (cached && cached.until > now()) return cached.user
    const result = await readKeyUser(upstream, apiKey)
    if (result.kind === 'ok') {
      cached = { user: result.user, until: now() + KEY_USER_TTL_MS }
      return result.user
    }
    return result.kind === 'rejected' ? 'The server’s API key was not accepted by the tasks API.' : result.message
  }

  function personalIdentity(req: IncomingMessage, token: string | undefined, session: OpenSession | null) {
    return {
      actor: session?.actor ?? null,
      clientKey: token && session ? `session:${token}` : `address:${peerAddress(req)}`,
      setCookies: [],
    }
  }

  async function sharedIdentity(req: IncomingMessage, apiKey: string): Promise<RequestIdentity> {
    const user = await serverKeyUser(apiKey)
    const setCookies: string[] = []
    if (typeof user === 'string')
      return { actor: null, clientKey: `address:${peerAddress(req)}`, unavailable: user, setCookies }
    if (mode.kind === 'demo') return { actor: user, clientKey: `user:${user.userId}`, setCookies }

    const named =
      mode.kind === 'shared-key' && mode.trustedUserHeader && fromTrustedProxy(req, trustedProxies)
        ? req.headersDistinct[mode.trustedUserHeader.toLowerCase()]
        : undefined
    // Exactly one: a header sent twice (a client's own passed on beside the proxy's) names nobody, rather than a
    // person made of both.
    const person = named?.length === 1 ? named[0]!.trim().slice(0, 200) : ''
    if (person !== '') {
      const actor: Actor = { userId: `person:${person.toLowerCase()}`, userName: person, companyId: user.companyId }
      return { actor, clientKey: actor.userId, setCookies }
    }
    // No one named: the browser is the owner of "personal" views; everything else is the key's user.
    let browser = readCookie(req, BROWSER_COOKIE)
    if (!browser) {
      browser = randomBytes(18).toString('base64url')
      setCookies.push(
        formatCookie(BROWSER_COOKIE, browser, {
          secure: isHttps(req, trustedProxies),
          maxAgeSeconds: BROWSER_COOKIE_SECONDS,
        }),
      )
    }
    // The id others see (as a team view's creator) is a hash: the cookie itself would let them act as this browser.
    const browserId = `browser:${createHash('sha256').update(browser).digest('base64url').slice(0, 22)}`
    return {
      actor: { userId: browserId, userName: user.userName, companyId: user.companyId },
      clientKey: browserId,
      setCookies,
    }
  }

  return (req) => {
    const browserKey = browserKeyOf(req)
    if (mode.kind !== 'personal-key') {
      // With a server key the key needs no look-up at all: an upstream that cannot say whose it is never delays the board.
      return {
        upstreamKey: () => chooseUpstreamKey(mode.apiKey, browserKey, () => Promise.resolve(undefined)),
        browserKey,
        serverKeyed: true,
        identity: once(() => sharedIdentity(req, mode.apiKey)),
        // The server's own key: no session holds it.
        keyRefused: () => Promise.resolve(),
      }
    }
    const token = readCookie(req, SESSION_COOKIE)
    const session = once(async () => (token ? await mode.sessions.find(token) : null))
    return {
      upstreamKey: () => chooseUpstreamKey(undefined, browserKey, async () => (await session())?.apiKey),
      browserKey,
      serverKeyed: false,
      identity: once(async () => personalIdentity(req, token, await session())),
      keyRefused: async () => {
        // Only the session's own key: a key the client sent itself says nothing about the session.
        if (browserKey !== undefined || !token) return
        try {
          if (await session()) await mode.sessions.remove(token)
        } catch {
          // A store that cannot be reached ends nothing now; the next refusal tries again.
        }
      },
    }
  }
}
