import type { IncomingMessage, ServerResponse } from 'node:http'
import { sendJsonError } from '../json-error.ts'
import { createCountService } from './count-service.ts'
import { answerCounts } from './counts-route.ts'
import { createRequestBudget } from './request-budget.ts'
import { createUpstreamBackoff } from './upstream-backoff.ts'
import type { GetUpstream } from './upstream-get.ts'
import { upstreamKeyOf } from './upstream-key.ts'

export const COUNTS_PATH = '/app/counts'

export interface CountEndpointsOptions {
  getUpstream: GetUpstream
  /** The server's own upstream key; undefined uses the key the browser sends, as the proxy does. */
  serverKey: string | undefined
  /** Counting requests per upstream key per minute. */
  budgetPerMinute: number
}

/** Handles the app's own read endpoints for figures; returns false for any other path. */
export type CountEndpoints = (req: IncomingMessage, res: ServerResponse, url: string) => Promise<boolean>

/**
 * The app server's figures, answered here and never forwarded upstream:
 * `GET /app/counts`. Read-only; a cross-site request is refused, so no other
 * site can spend a company's counting budget through a visitor's browser.
 */
export function createCountEndpoints({
  getUpstream,
  serverKey,
  budgetPerMinute,
}: CountEndpointsOptions): CountEndpoints {
  const counts = createCountService({
    getUpstream,
    budget: createRequestBudget(budgetPerMinute),
    backoff: createUpstreamBackoff(),
  })
  return async (req, res, url) => {
    const { pathname, searchParams } = new URL(url, 'http://placeholder')
    if (pathname !== COUNTS_PATH) return false
    if (req.method !== 'GET') {
      sendJsonError(res, 405, `Method ${req.method ?? ''} is not allowed here.`, { allow: 'GET' })
    } else if (req.headers['sec-fetch-site'] === 'cross-site') {
      sendJsonError(res, 403, 'Cross-site requests are not allowed.')
    } else {
      await answerCounts(res, searchParams, upstreamKeyOf(req, serverKey), counts)
    }
    return true
  }
}
