import type { IncomingMessage } from 'node:http'

/** The peer's address, IPv4-mapped IPv6 written as IPv4. */
export function peerAddress(req: IncomingMessage): string {
  const address = req.socket.remoteAddress ?? ''
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
