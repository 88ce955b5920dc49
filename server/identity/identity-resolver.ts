import { createHash, randomBytes } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import type { Actor } from '../views/view-record.ts'
import { fromTrustedProxy, isHttps, peerAddress } from './client-address.ts'
import { BROWSER_COOKIE, formatCookie, readCookie, SESSION_COOKIE } from './cookies.ts'
import type { RequestIdentity, ResolveIdentity } from './request-identity.ts'
import type { SessionsRepository } from './sessions-repository.ts'
import type { UpstreamClient } from '../upstream/upstream-client.ts'
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
  | { kind: 'personal-key'; sessions: SessionsRepository }

export interface IdentityOptions {
  mode: IdentityMode
  upstream: UpstreamClient
  trustedProxies: readonly string[]
  now?: () => number
}

/** A server key's user rarely changes; asking again every ten minutes notices a replaced key. */
const KEY_USER_TTL_MS = 10 * 60_000
const BROWSER_COOKIE_SECONDS = 400 * 86_400

export function createIdentityResolver({ mode, upstream, trustedProxies, now = Date.now }: IdentityOptions): {
  resolveIdentity: ResolveIdentity
  resolveUpstreamKey: (req: IncomingMessage) => Promise<string | undefined>
} {
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

  async function resolveIdentity(req: IncomingMessage): Promise<RequestIdentity> {
    if (mode.kind === 'personal-key') {
      // A script's own key wins: command-line clients page through /api with it.
      const ownKey = typeof req.headers['x-api-key'] === 'string' && req.headers['x-api-key'].trim() !== ''
      const token = readCookie(req, SESSION_COOKIE)
      const session = token ? await mode.sessions.find(token) : null
      return {
        upstreamKey: ownKey ? undefined : session?.apiKey,
        actor: session?.actor ?? null,
        clientKey: token && session ? `session:${token}` : `address:${peerAddress(req)}`,
        setCookies: [],
      }
    }

    const user = await serverKeyUser(mode.apiKey)
    const base = { upstreamKey: mode.apiKey, setCookies: [] as string[] }
    if (typeof user === 'string')
      return { ...base, actor: null, clientKey: `address:${peerAddress(req)}`, unavailable: user }
    if (mode.kind === 'demo') return { ...base, actor: user, clientKey: `user:${user.userId}` }

    const named =
      mode.trustedUserHeader && fromTrustedProxy(req, trustedProxies)
        ? req.headers[mode.trustedUserHeader.toLowerCase()]
        : undefined
    const person = typeof named === 'string' ? named.trim().slice(0, 200) : ''
    if (person !== '') {
      const actor: Actor = { userId: `person:${person.toLowerCase()}`, userName: person, companyId: user.companyId }
      return { ...base, actor, clientKey: actor.userId }
    }
    // No one named: the browser is the owner of "personal" views; everything else is the key's user.
    let browser = readCookie(req, BROWSER_COOKIE)
    if (!browser) {
      browser = randomBytes(18).toString('base64url')
      base.setCookies.push(
        formatCookie(BROWSER_COOKIE, browser, {
          secure: isHttps(req, trustedProxies),
          maxAgeSeconds: BROWSER_COOKIE_SECONDS,
        }),
      )
    }
    // The id others see (as a team view's creator) is a hash: the cookie itself would let them act as this browser.
    const browserId = `browser:${createHash('sha256').update(browser).digest('base64url').slice(0, 22)}`
    return {
      ...base,
      actor: { userId: browserId, userName: user.userName, companyId: user.companyId },
      clientKey: browserId,
    }
  }

  /**
   * The upstream key alone, for the proxy: with a server key it needs no
   * look-up at all, so an upstream that cannot say whose the key is never
   * delays the board's own requests.
   */
  async function resolveUpstreamKey(req: IncomingMessage): Promise<string | undefined> {
    if (mode.kind !== 'personal-key') return mode.apiKey
    return (await resolveIdentity(req)).upstreamKey
  }

  return { resolveIdentity, resolveUpstreamKey }
}
