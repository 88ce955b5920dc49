import type { ServerResponse } from 'node:http'
import type { RequestContext, Route } from '../identity/request-context.ts'
import { hashUpstreamKey } from '../upstream/upstream-key.ts'
import { createCountService, type CountService } from '../counts/count-service.ts'
import type { SpendBudget } from '../counts/shared-budget.ts'
import type { SharedFigures } from '../counts/shared-figures.ts'
import { answerCounts } from '../counts/counts-route.ts'
import { acceptedKey } from '../counts/figure-key.ts'
import { createChangeService } from '../counts/change-service.ts'
import { answerChanges } from '../counts/changes-route.ts'
import { createRequestBudget } from '../http/request-budget.ts'
import { createUpstreamBackoff, type UpstreamBackoff } from '../counts/upstream-backoff.ts'
import type { UpstreamClient } from '../upstream/upstream-client.ts'
import { answerWorkload } from './workload-route.ts'
import { createWorkloadService } from './workload-service.ts'

export interface FigureRoutesOptions {
  upstream: UpstreamClient
  /** Requests the figures (counts and workloads together) may send per upstream key per minute. */
  budgetPerMinute: number
  /** The most active tasks one workload pages through. */
  workloadMaxTasks: number
  /** The clock figures are dated by; tests fix it. */
  now?: () => number
  /** The figures every app server on the store shares; without it, this server's alone. */
  sharedFigures?: SharedFigures
  /** The budget every app server on the store spends, given this server's own as a fallback; without it, the own. */
  shareBudget?: (own: SpendBudget) => SpendBudget
}

/** Companies whose keys' figures are remembered, before the oldest is forgotten. */
const MAX_COMPANIES = 1000

/**
 * The app server's figures, answered here and never forwarded upstream:
 * `GET /app/counts`, `GET /app/changes` and `GET /app/workload`. Read-only; a cross-site
 * request is refused, so no other site can spend a company's upstream
 * requests through a visitor's browser. `expireCompany` is told when a task
 * of a company changed through the board: its figures are taken again.
 */
export function createFigureRoutes({
  upstream,
  budgetPerMinute,
  workloadMaxTasks,
  now = Date.now,
  sharedFigures,
  shareBudget = (own) => own,
}: FigureRoutesOptions): {
  routes: Route[]
  expireCompany: (companyId: string) => void
  /** The counts, budget and pause the figures keep per key: an export counts and pages within them. */
  counts: CountService
  budget: SpendBudget
  backoff: UpstreamBackoff
} {
  // One pause and one budget per key for both: the upstream's limit is per key, whichever figure spends it.
  const backoff = createUpstreamBackoff(now)
  const budget = shareBudget(createRequestBudget(budgetPerMinute, now))
  const counts = createCountService({ upstream, budget, backoff, now, shared: sharedFigures })
  const workloads = createWorkloadService({
    upstream,
    budget,
    backoff,
    maxTasks: workloadMaxTasks,
    now,
    shared: sharedFigures,
  })
  const changes = createChangeService({ upstream, budget, backoff, now, shared: sharedFigures })
  // Figures are cached per key (what a key sees); a change is known per company. Which keys are whose:
  const keysOfCompany = new Map<string, Set<string>>()
  /** The company whose figures these are, noted for `expireCompany`; undefined when nobody is known. */
  const noteCompany = async (context: RequestContext, key: string | undefined) => {
    try {
      const companyId = (await context.identity()).actor?.companyId
      if (companyId === undefined) return undefined
      const owners = keysOfCompany.get(companyId) ?? new Set()
      if (owners.size === 0) {
        if (keysOfCompany.size >= MAX_COMPANIES) keysOfCompany.delete(keysOfCompany.keys().next().value!)
        keysOfCompany.set(companyId, owners)
      }
      owners.add(hashUpstreamKey(key))
      return companyId
    } catch {
      return undefined // nobody known: the figure is simply not taken again early
    }
  }
  const sameSite =
    (
      answer: (
        res: ServerResponse,
        search: URLSearchParams,
        key: string | undefined,
        companyId?: string,
      ) => Promise<void>,
    ): Route[2] =>
    async ({ req, res, search, context }) => {
      const asked = await acceptedKey(req, context, res)
      if (!asked.accepted) return
      await answer(res, search, asked.key, await noteCompany(context, asked.key))
      // The upstream refused the session's key: it ends, and its cached figures go with it.
      if (res.statusCode === 401) await context.keyRefused()
    }
  return {
    routes: [
      [
        'GET',
        /^\/app\/counts$/,
        sameSite((res, search, key, companyId) => answerCounts(res, search, key, counts, companyId)),
      ],
      [
        'GET',
        /^\/app\/changes$/,
        sameSite((res, search, key, companyId) => answerChanges(res, search, key, changes, companyId)),
      ],
      [
        'GET',
        /^\/app\/workload$/,
        sameSite((res, search, key, companyId) => answerWorkload(res, search, key, workloads, companyId)),
      ],
    ],
    counts,
    budget,
    backoff,
    expireCompany(companyId) {
      const owners = keysOfCompany.get(companyId) ?? []
      counts.expire(owners)
      workloads.expire(owners)
      changes.expire(owners)
    },
  }
}
