import { listOf, type UpstreamClient } from '../upstream/upstream-client.ts'
import type { WorkloadTally } from './workload-tally.ts'

/**
 * What the workload counts as active: the statuses of the board's Active
 * tab (src/shared/tasks/url-state/board-state.ts, ACTIVE_STATUSES). Other
 * states (completed, cancelled, none, or ones the API adds) are not work in
 * hand, as on the board.
 */
export const ACTIVE_STATUSES = ['new', 'open', 'in_progress', 'in_review'] as const

export const WORKLOAD_PAGE_SIZE = 1000
/** A deterministic order, so consecutive pages overlap or skip as little as the API allows. */
const PAGE_SORT = JSON.stringify({ by: 'status.createdAt', direction: 1 })

export interface PagingResult {
  /** Tasks tallied (distinct ids). */
  covered: number
  /** The bound stopped the paging with tasks left over. */
  truncated: boolean
  requests: number
}

/**
 * Pages through the active tasks of `filters` (1,000 a request, offset by
 * the rows received) into `tally`, until an empty page: a short page is not
 * the end (the API may cap pages). Stops at `maxTasks` distinct tasks and
 * says whether tasks were left out. Each page is asked for only when
 * `mayAsk` allows it (the key's budget).
 * Rejects with an UpstreamError on any failed page, with BudgetSpent when the budget stopped it.
 */
export async function tallyActiveTasks(
  upstream: UpstreamClient,
  filters: URLSearchParams,
  key: string | undefined,
  tally: WorkloadTally,
  maxTasks: number,
  { now = Date.now, mayAsk = () => true }: { now?: () => number; mayAsk?: () => boolean | Promise<boolean> } = {},
): Promise<PagingResult> {
  let requests = 0
  const page = async (offset: number, limit: number): Promise<unknown[]> => {
    if (!(await mayAsk())) throw new BudgetSpent()
    const params = new URLSearchParams(filters)
    params.set('taskStatus', ACTIVE_STATUSES.join(','))
    params.set('limit', String(limit))
    params.set('offset', String(offset))
    params.set('sort', PAGE_SORT)
    requests += 1
    const answer = await upstream({ path: '/tasks/', query: params, key, priority: 'background' })
    return listOf(answer, key, now())
  }

  // Pages of 25 (a capped API) would need 800 requests for 20,000 tasks; this is the most paging may cost.
  const maxRequests = Math.ceil(maxTasks / 25) + 2
  for (let offset = 0; requests < maxRequests;) {
    const rows = await page(offset, WORKLOAD_PAGE_SIZE)
    if (rows.length === 0) return { covered: tally.size, truncated: false, requests }
    for (const row of rows) {
      if (tally.size >= maxTasks) return { covered: tally.size, truncated: true, requests }
      tally.add(row)
    }
    offset += rows.length
    if (tally.size >= maxTasks) {
      // Exactly at the bound after a whole page: one row says whether anything is left out.
      const more = (await page(offset, 1)).length > 0
      return { covered: tally.size, truncated: more, requests }
    }
  }
  return { covered: tally.size, truncated: true, requests }
}

/** The key's budget for the figures was spent before the paging was done. */
export class BudgetSpent extends Error {
  constructor() {
    super('The figures have spent this minute’s requests to the tasks API.')
    this.name = 'BudgetSpent'
  }
}
