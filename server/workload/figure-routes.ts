import type { ServerResponse } from 'node:http'
import { isCrossSiteRequest } from '../http/cross-site-guard.ts'
import type { Route } from '../identity/request-context.ts'
import { sendJsonError } from '../http/json-error.ts'
import { createCountService } from '../counts/count-service.ts'
import { answerCounts } from '../counts/counts-route.ts'
import { createRequestBudget } from '../counts/request-budget.ts'
import { createUpstreamBackoff } from '../counts/upstream-backoff.ts'
import type { UpstreamClient } from '../upstream/upstream-client.ts'
import { answerWorkload } from './workload-route.ts'
import { createWorkloadService } from './workload-service.ts'

export interface FigureRoutesOptions {
  upstream: UpstreamClient
  /** Counting requests per upstream key per minute. */
  budgetPerMinute: number
  /** The most active tasks one workload pages through. */
  workloadMaxTasks: number
  /** The clock figures are dated by; tests fix it. */
  now?: () => number
}

/**
 * The app server's figures, answered here and never forwarded upstream:
 * `GET /app/counts` and `GET /app/workload`. Read-only; a cross-site
 * request is refused, so no other site can spend a company's upstream
 * requests through a visitor's browser.
 */
export function createFigureRoutes({
  upstream,
  budgetPerMinute,
  workloadMaxTasks,
  now = Date.now,
}: FigureRoutesOptions): Route[] {
  // One pause per key for both: a 429 is about the key, whichever figure met it.
  const backoff = createUpstreamBackoff(now)
  const counts = createCountService({ upstream, budget: createRequestBudget(budgetPerMinute, now), backoff, now })
  const workloads = createWorkloadService({ upstream, backoff, maxTasks: workloadMaxTasks, now })
  const sameSite =
    (answer: (res: ServerResponse, search: URLSearchParams, key: string | undefined) => Promise<void>): Route[2] =>
    async ({ req, res, search, context }) => {
      if (isCrossSiteRequest(req)) sendJsonError(res, 403, 'Cross-site requests are not allowed.')
      else await answer(res, search, await context.upstreamKey())
    }
  return [
    ['GET', /^\/app\/counts$/, sameSite((res, search, key) => answerCounts(res, search, key, counts))],
    ['GET', /^\/app\/workload$/, sameSite((res, search, key) => answerWorkload(res, search, key, workloads))],
  ]
}
