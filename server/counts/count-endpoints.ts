import type { IncomingMessage, ServerResponse } from 'node:http'
import { isCrossSiteRequest } from '../http/cross-site-guard.ts'
import type { RequestContext } from '../identity/request-context.ts'
import { sendJsonError } from '../http/json-error.ts'
import { createCountService } from './count-service.ts'
import { answerCounts } from './counts-route.ts'
import { createRequestBudget } from './request-budget.ts'
import { createUpstreamBackoff } from './upstream-backoff.ts'
import type { UpstreamClient } from '../upstream/upstream-client.ts'
import { answerWorkload } from '../workload/workload-route.ts'
import { createWorkloadService } from '../workload/workload-service.ts'

export const COUNTS_PATH = '/app/counts'
export const WORKLOAD_PATH = '/app/workload'

export interface CountEndpointsOptions {
  upstream: UpstreamClient
  /** Counting requests per upstream key per minute. */
  budgetPerMinute: number
  /** The most active tasks one workload pages through. */
  workloadMaxTasks: number
  /** The clock figures are dated by; tests fix it. */
  now?: () => number
}

/** Handles the app's own read endpoints for figures; returns false for any other path. */
export type CountEndpoints = (
  req: IncomingMessage,
  res: ServerResponse,
  url: string,
  context: RequestContext,
) => Promise<boolean>

/**
 * The app server's figures, answered here and never forwarded upstream:
 * `GET /app/counts` and `GET /app/workload`. Read-only; a cross-site
 * request is refused, so no other site can spend a company's upstream
 * requests through a visitor's browser.
 */
export function createCountEndpoints({
  upstream,
  budgetPerMinute,
  workloadMaxTasks,
  now = Date.now,
}: CountEndpointsOptions): CountEndpoints {
  // One pause per key for both: a 429 is about the key, whichever figure met it.
  const backoff = createUpstreamBackoff(now)
  const counts = createCountService({ upstream, budget: createRequestBudget(budgetPerMinute, now), backoff, now })
  const workloads = createWorkloadService({ upstream, backoff, maxTasks: workloadMaxTasks, now })
  return async (req, res, url, context) => {
    const { pathname, searchParams } = new URL(url, 'http://placeholder')
    if (pathname !== COUNTS_PATH && pathname !== WORKLOAD_PATH) return false
    if (req.method !== 'GET') {
      sendJsonError(res, 405, `Method ${req.method ?? ''} is not allowed here.`, { allow: 'GET' })
    } else if (isCrossSiteRequest(req)) {
      sendJsonError(res, 403, 'Cross-site requests are not allowed.')
    } else {
      const key = await context.upstreamKey()
      if (pathname === COUNTS_PATH) await answerCounts(res, searchParams, key, counts)
      else await answerWorkload(res, searchParams, key, workloads)
    }
    return true
  }
}
