import { createHash } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

/**
 * The key an upstream call goes with, decided as the proxy decides it: the
 * server's own key when it has one, else the key the browser sent.
 */
export function upstreamKeyOf(req: IncomingMessage, serverKey: string | undefined): string | undefined {
  if (serverKey) return serverKey
  const value = req.headers['x-api-key']
  const first = Array.isArray(value) ? value[0] : value
  return first?.trim() ? first.trim() : undefined
}

/**
 * Who is asking, as a cache key: a hash, so the key itself is kept nowhere
 * but in the request, and two companies (two keys) never share a figure.
 */
export function hashUpstreamKey(key: string | undefined): string {
  return createHash('sha256')
    .update(key ?? '')
    .digest('base64url')
    .slice(0, 22)
}
