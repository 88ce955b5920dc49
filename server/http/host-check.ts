import type { IncomingMessage } from 'node:http'
import { isIP } from 'node:net'

/** Names that always mean this machine: a page cannot rebind them to an address of its choosing. */
const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '::1']

/** Addresses that mean "every interface": no host name of their own. */
const WILDCARD_ADDRESSES = new Set(['0.0.0.0', '::', ''])

/**
 * The host name of a `Host` header, lower case, without port, brackets or a
 * trailing dot; undefined when there is none.
 */
export function parseHostHeader(value: string | undefined): string | undefined {
  const trimmed = value?.trim().toLowerCase()
  if (!trimmed) return undefined
  const name = trimmed.startsWith('[') ? trimmed.slice(1, trimmed.indexOf(']')) : trimmed.replace(/:\d*$/, '')
  return name.replace(/\.$/, '') || undefined
}

/**
 * Decides whether a request names a host this server answers for. A page on
 * any site can point a name it owns at 127.0.0.1 (DNS rebinding) and then
 * read the API with the server's key; refusing every `Host` but loopback
 * names, the address the server is bound to or was reached on, and the names
 * of `ALLOWED_HOSTS` stops that.
 */
export function createHostCheck({ bindHost, allowedHosts }: { bindHost: string; allowedHosts: readonly string[] }) {
  const allowed = new Set(LOOPBACK_NAMES)
  const bound = parseHostHeader(bindHost.includes(':') && !bindHost.startsWith('[') ? `[${bindHost}]` : bindHost)
  if (bound && !WILDCARD_ADDRESSES.has(bound)) allowed.add(bound)
  for (const host of allowedHosts) {
    const name = parseHostHeader(host)
    if (name) allowed.add(name)
  }

  return function isServedHost(req: IncomingMessage): boolean {
    const name = parseHostHeader(req.headers.host)
    if (name === undefined) return false
    if (allowed.has(name) || name.endsWith('.localhost')) return true
    // An address literal equal to the one this connection arrived on is the server's own (HOST=0.0.0.0).
    const local = req.socket.localAddress?.replace(/^::ffff:/, '')
    return isIP(name) !== 0 && name === local
  }
}
