import { createHash, randomBytes } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import type { UpstreamClient } from '../upstream/upstream-client.ts'
import { clientAddress, fromTrustedProxy, isHttps } from './client-address.ts'
import { createClientKeys } from './client-keys.ts'
import { BROWSER_COOKIE, formatTokenCookie, readTokenCookie, SESSION_COOKIE } from './cookies.ts'
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
  const clientKeys = createClientKeys({ upstream, now })

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
      clientKey: token && session ? `session:${token}` : `address:${clientAddress(req, trustedProxies)}`,
      setCookies: [],
      ...(session ? { keyHolder: `session:${session.idHash}` } : {}),
    }
  }

  async function sharedIdentity(req: IncomingMessage, apiKey: string): Promise<RequestIdentity> {
    const user = await serverKeyUser(apiKey)
    const setCookies: string[] = []
    if (typeof user === 'string')
      return { actor: null, clientKey: `address:${clientAddress(req, trustedProxies)}`, unavailable: user, setCookies }
    if (mode.kind === 'demo') return { actor: user, clientKey: `user:${user.userId}`, setCookies, keyHolder: 'server' }

    const named =
      mode.kind === 'shared-key' && mode.trustedUserHeader && fromTrustedProxy(req, trustedProxies)
        ? req.headersDistinct[mode.trustedUserHeader.toLowerCase()]
        : undefined
    // Exactly one: a header sent twice (a client's own passed on beside the proxy's) names nobody, rather than a
    // person made of both.
    const person = named?.length === 1 ? named[0]!.trim().slice(0, 200) : ''
    if (person !== '') {
      const actor: Actor = {
        userId: `person:${person.toLowerCase()}`,
        userName: person,
        companyId: user.companyId,
        keyUserId: user.userId,
      }
      return { actor, clientKey: actor.userId, setCookies, keyHolder: 'server' }
    }
    // No one named: the browser is the owner of "personal" views; everything else is the key's user.
    const secure = isHttps(req, trustedProxies)
    let browser = readTokenCookie(req, BROWSER_COOKIE, secure)
    if (!browser) {
      // A browser that had its id before the https name was used keeps it (and its personal views) under that name.
      const before = secure ? readTokenCookie(req, BROWSER_COOKIE, false) : undefined
      browser = before ?? randomBytes(18).toString('base64url')
      setCookies.push(formatTokenCookie(BROWSER_COOKIE, browser, { secure, maxAgeSeconds: BROWSER_COOKIE_SECONDS }))
      if (before) setCookies.push(formatTokenCookie(BROWSER_COOKIE, '', { secure: false, maxAgeSeconds: 0 }))
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
    const address = clientAddress(req, trustedProxies)
    if (mode.kind !== 'personal-key') {
      // With a server key the key needs no look-up at all: an upstream that cannot say whose it is never delays the board.
      return {
        upstreamKey: () => chooseUpstreamKey(mode.apiKey, browserKey, () => Promise.resolve(undefined)),
        browserKey,
        serverKeyed: true,
        clientAddress: address,
        identity: once(() => sharedIdentity(req, mode.apiKey)),
        // The server's own key: no session holds it, and a client's own never goes upstream.
        keyRefused: () => Promise.resolve(),
        keyAccepted: () => {},
        keyMayGo: () => true,
        checkKey: () => Promise.resolve('accepted'),
      }
    }
    const token = readTokenCookie(req, SESSION_COOKIE, isHttps(req, trustedProxies))
    const session = once(async () => (token ? await mode.sessions.find(token) : null))
    return {
      upstreamKey: () => chooseUpstreamKey(undefined, browserKey, async () => (await session())?.apiKey),
      browserKey,
      serverKeyed: false,
      clientAddress: address,
      identity: once(async () => personalIdentity(req, token, await session())),
      keyRefused: async () => {
        // A key the client sent itself counts against its address, and says nothing about the session.
        if (browserKey !== undefined) {
          clientKeys.refused(browserKey, address)
          return
        }
        if (!token) return
        try {
          if (await session()) await mode.sessions.remove(token)
        } catch {
          // A store that cannot be reached ends nothing now; the next refusal tries again.
        }
      },
      keyAccepted: () => {
        if (browserKey !== undefined) clientKeys.accepted(browserKey)
      },
      keyMayGo: () => browserKey === undefined || clientKeys.mayGo(browserKey, address),
      // A session's key was accepted at sign-in (and ends at the upstream's first 401).
      checkKey: async () =>
        browserKey !== undefined ? clientKeys.check(browserKey, address) : (await session()) ? 'accepted' : 'refused',
    }
  }
}
