import type { IncomingMessage } from 'node:http'
import type { Actor } from '../views/view-record.ts'

/** What a request acts as, upstream and in the store. */
export interface RequestIdentity {
  /** The key for upstream calls; undefined forwards the request's own `x-API-Key`. */
  upstreamKey: string | undefined
  /** Who owns saved data; null when nobody is signed in. */
  actor: Actor | null
  /** What per-session limits count by: a session, a browser, or the client's address. */
  clientKey: string
  /** Why nobody could be named although someone should be (the upstream did not say whose the key is). */
  unavailable?: string
  /** Cookies the answer must set (a new browser id). */
  setCookies: string[]
}

/** For one request: the upstream key to use and the identity. Throws StoreUnavailableError when sessions cannot be read. */
export type ResolveIdentity = (req: IncomingMessage) => Promise<RequestIdentity>
