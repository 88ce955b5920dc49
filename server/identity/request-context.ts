import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AppRoute } from '../http/app-router.ts'
import type { KeyCheck } from './client-keys.ts'

/** Who acts: a user (or, in shared-key mode, a browser) of one company. */
export interface Actor {
  /** A user id from `/users/self`, `person:<name>` from a trusted proxy, or `browser:<id>`. */
  userId: string
  userName: string
  companyId: string
  /** The upstream user whose key a person named by the proxy writes with (the server's); absent when it is `userId`. */
  keyUserId?: string
}

/** Who a request acts as in the store. */
export interface RequestIdentity {
  /** Who owns saved data; null when nobody is signed in. */
  actor: Actor | null
  /** What per-client limits count by: a session, a browser, or the client's address. */
  clientKey: string
  /** Why nobody could be named although someone should be (the upstream did not say whose the key is). */
  unavailable?: string
  /** Cookies the answer must set (a new browser id). */
  setCookies: string[]
  /**
   * Whose key work that outlives the request writes with: `session:<hash>`
   * for a signed-in dispatcher (the key is looked up again each time, so a
   * session that ends stops it), `server` for the server's own key.
   */
  keyHolder?: string
}

/**
 * One request as every route sees it, made once at the front door. Its parts
 * are looked up when first asked for and then kept for the request: the
 * proxy needs no `/users/self`, a static file no session.
 */
export interface RequestContext {
  /** The key this request's upstream calls go with (see chooseUpstreamKey). Throws StoreUnavailableError when the session cannot be read. */
  upstreamKey(): Promise<string | undefined>
  /** The key the browser sent itself, if any: never shown back, even in an upstream's message. */
  browserKey: string | undefined
  /** True when every browser reads with the server's key: answers then do not depend on the browser's. */
  serverKeyed: boolean
  /** The browser's address, which per-address limits count by (see clientAddress). */
  clientAddress: string
  /** Who acts. Throws StoreUnavailableError when the session cannot be read. */
  identity(): Promise<RequestIdentity>
  /**
   * Told when the upstream refused this request's key (401): a session whose
   * key it was ends, so a key revoked upstream reads and writes nothing more
   * through it. Never rejects.
   */
  keyRefused(): Promise<void>
  /** Told when the upstream answered this request's key with anything but a refusal: a key the client sent is then known good. */
  keyAccepted(): void
  /**
   * Whether this request's key may go upstream: false for a key the client
   * sent itself, not known good, from an address whose keys the upstream has
   * refused too often this minute (a guesser testing keys).
   */
  keyMayGo(): boolean
  /**
   * Whether this request's key may spend the figures' work (many upstream
   * requests): the server's key and a session's may; a key the client sent
   * itself once the upstream has accepted it (see ClientKeys.check).
   */
  checkKey(): Promise<KeyCheck>
}

export type ContextFor = (req: IncomingMessage) => RequestContext

/**
 * Which key goes upstream, for every mode in one place:
 *
 * | mode         | server key | browser sends `x-API-Key` | signed in | key upstream  |
 * | ------------ | ---------- | ------------------------- | --------- | ------------- |
 * | demo         | the demo's | either                    | –         | the server's  |
 * | shared-key   | configured | either                    | –         | the server's  |
 * | personal-key | none       | yes                       | either    | the browser's |
 * | personal-key | none       | no                        | yes       | the session's |
 * | personal-key | none       | no                        | no        | none          |
 *
 * A script's own key wins over a session: command-line clients page
 * through `/api` with it. The session is read only when it decides.
 */
export async function chooseUpstreamKey(
  serverKey: string | undefined,
  browserKey: string | undefined,
  sessionKey: () => Promise<string | undefined>,
): Promise<string | undefined> {
  return serverKey || (browserKey ?? (await sessionKey()))
}

/** The request's own `x-API-Key`, trimmed; undefined when absent or blank. */
export function browserKeyOf(req: IncomingMessage): string | undefined {
  const value = req.headers['x-api-key']
  const first = Array.isArray(value) ? value[0] : value
  return first?.trim() ? first.trim() : undefined
}

/** A function that runs once, on first call, and then answers the same promise. */
export function once<T>(run: () => Promise<T>): () => Promise<T> {
  let result: Promise<T> | undefined
  return () => (result ??= run())
}

/** Answers one request (a page, a file) with the request's context. */
export type RequestHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  context: RequestContext,
) => Promise<void>

/** Answers a request it serves and returns true; returns false for any other, which then goes on. */
export type AppRoutes = (
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  context: RequestContext,
) => Promise<boolean>

/** One line of the app's route table (see http/app-router.ts), answered with the request's context. */
export type Route = AppRoute<RequestContext>
