import type { IncomingMessage } from 'node:http'

/** The peer's address, IPv4-mapped IPv6 written as IPv4. */
export function peerAddress(req: IncomingMessage): string {
  return unmapped(req.socket.remoteAddress ?? '')
}

/** What an address in `X-Forwarded-For` may look like: IPv4 or IPv6, nothing else. */
const ADDRESS = /^[0-9A-Fa-f:.]{2,45}$/

/**
 * The browser's address, which per-address limits count by: the
 * connection's, or, when the connection comes from a `TRUSTED_PROXIES`
 * address, the nearest `X-Forwarded-For` hop that is not one of them (the
 * address the first trusted proxy was reached from: what a client writes
 * further left is not believed). Anything that is no address is not
 * believed either: then the connection's.
 */
export function clientAddress(req: IncomingMessage, trustedProxies: readonly string[]): string {
  const peer = peerAddress(req)
  if (!trustedProxies.includes(peer)) return peer
  const hops = (req.headersDistinct['x-forwarded-for'] ?? [])
    .flatMap((line) => line.split(','))
    .map((hop) => unmapped(hop.trim()))
  for (let index = hops.length - 1; index >= 0; index -= 1) {
    const hop = hops[index]!
    if (!ADDRESS.test(hop)) return peer
    if (!trustedProxies.includes(hop)) return hop
  }
  return peer
}

function unmapped(address: string): string {
  return address.startsWith('::ffff:') ? address.slice(7) : address
}

/** Whether the request came straight from one of the configured proxies. */
export function fromTrustedProxy(req: IncomingMessage, trustedProxies: readonly string[]): boolean {
  return trustedProxies.includes(peerAddress(req))
}

/** Over TLS here, or a trusted proxy says the browser used https. */
export function isHttps(req: IncomingMessage, trustedProxies: readonly string[]): boolean {
  if ('encrypted' in req.socket && req.socket.encrypted) return true
  return fromTrustedProxy(req, trustedProxies) && req.headers['x-forwarded-proto'] === 'https'
}
