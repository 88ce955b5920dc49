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
}
