import type { Server, ServerOptions } from 'node:http'

export interface RequestLimits {
  /** Time allowed for a client to send its request headers. */
  headersTimeoutMs: number
  /** Time allowed for a client to send its whole request, body included. */
  requestTimeoutMs: number
  /** How often Node looks for connections past those limits; a limit is only as exact as this. */
  checkIntervalMs: number
  /** Connections open at once; more are closed as they arrive. */
  maxConnections: number
  /**
   * Time a connection may make no progress at all, neither way, while a
   * request is in hand: then it is closed. A client that stops reading an
   * answer would otherwise hold its connection and the buffered answer for
   * good. Longer than the slowest answer takes to start (an upstream call
   * times out first).
   */
  idleTimeoutMs: number
}

/**
 * A client sending a byte every few seconds would otherwise hold a
 * connection (and its buffers) for minutes; Node's defaults are 60 s for
 * headers, 300 s for the request, checked every 30 s.
 */
export const DEFAULT_REQUEST_LIMITS: RequestLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  checkIntervalMs: 1_000,
  maxConnections: 500,
  idleTimeoutMs: 60_000,
}

/** The `createServer` options that carry the limits. */
export function toServerOptions(limits: RequestLimits): ServerOptions {
  return {
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    connectionsCheckingInterval: limits.checkIntervalMs,
    keepAliveTimeout: 5_000,
    maxHeaderSize: 16_384,
  }
}

export function applyConnectionLimit(server: Server, limits: RequestLimits): void {
  server.maxConnections = limits.maxConnections
  // With no 'timeout' listener, Node destroys a socket that has been idle this long.
  server.setTimeout(limits.idleTimeoutMs)
}
