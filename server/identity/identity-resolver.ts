import { createHash, randomBytes } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import type { UpstreamClient } from '../upstream/upstream-client.ts'
import { clientAddress, fromTrustedProxy, isHttps } from './client-address.ts'
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
/** Keys a client sent that the upstream refused, per address and minute, before such keys are held back. */
const REFUSED_KEYS_PER_MINUTE = 10
/** How long a key the upstream accepted passes however many others its address had refused. */
const KNOWN_GOOD_MS = 10 * 60_000
const BROWSER_COOKIE_SECONDS = 400 * 86_400

/** The front door's maker of request contexts, for the server's identity mode. */
export function createRequestContexts({ mode, upstream, trustedProxies, now = Date.now }: IdentityOptions): ContextFor {
  let cached: { user: KeyUser; until: number } | undefined
  const keyTrials = createKeyTrials(now)

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
    }
  }

  async function sharedIdentity(req: IncomingMessage, apiKey: string): Promise<RequestIdentity> {
    const user = await serverKeyUser(apiKey)
    const setCookies: string[] = []
    if (typeof user === 'string')
      return { actor: null, clientKey: `address:${clientAddress(req, trustedProxies)}`, unavailable: user, setCookies }
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
    const secure = isHttps(req, trustedProxies)
    let browser = readTokenCookie(req, BROWSER_COOKIE, secure)
    if (!browser) {
      browser = randomBytes(18).toString('base64url')
      setCookies.push(formatTokenCookie(BROWSER_COOKIE, browser, { secure, maxAgeSeconds: BROWSER_COOKIE_SECONDS }))
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
          keyTrials.refused(browserKey, address)
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
        if (browserKey !== undefined) keyTrials.accepted(browserKey)
      },
      keyMayGo: () => browserKey === undefined || keyTrials.mayGo(browserKey, address),
    }
  }
}

/** Keys clients sent themselves: the ones the upstream accepted lately, and per address the refusals of the minute. */
function createKeyTrials(now: () => number) {
  const good = new Map<string, number>()
  const refusals = new Map<string, number[]>()
  const hash = (key: string) => createHash('sha256').update(key).digest('base64url')
  const recent = (address: string) => (refusals.get(address) ?? []).filter((time) => time > now() - 60_000)
  // Bounded like every per-client table: the oldest go first.
  const bound = (table: Map<string, unknown>) => {
    if (table.size > 10_000) table.delete(table.keys().next().value!)
  }
  return {
    accepted(key: string) {
      good.delete(hash(key))
      good.set(hash(key), now() + KNOWN_GOOD_MS)
      bound(good)
    },
    refused(key: string, address: string) {
      good.delete(hash(key))
      const times = [...recent(address), now()]
      refusals.delete(address)
      refusals.set(address, times)
      bound(refusals)
    },
    mayGo(key: string, address: string): boolean {
      return (good.get(hash(key)) ?? 0) > now() || recent(address).length < REFUSED_KEYS_PER_MINUTE
    },
  }
}
