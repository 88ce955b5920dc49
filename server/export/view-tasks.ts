import { setTimeout as sleep } from 'node:timers/promises'
import { changedAfter } from '../../src/shared/tasks/api/changes-since.ts'
import { toWireParams, type TaskListQuery } from '../../src/shared/tasks/api/list-query.ts'
import { taskSchema, type Task } from '../../src/shared/tasks/api/schemas.ts'
import type { SpendBudget } from '../counts/shared-budget.ts'
import type { UpstreamBackoff } from '../counts/upstream-backoff.ts'
import { listOf, type UpstreamClient } from '../upstream/upstream-client.ts'
import { asUpstreamError } from '../upstream/upstream-error.ts'

/** Rows per request: the API's documented maximum, so a view of 437 tasks is one request. */
export const EXPORT_PAGE_SIZE = 1000
/** How long a page waits for the budget (or a 429's pause) before it looks again. */
const WAIT_STEP_MS = 1000

/** What paging a view met besides its rows, for the file and the screen to say. */
export interface PagingReport {
  /** Requests sent upstream. */
  requests: number
  /** Rows another page had already given (pages overlap when tasks move while paging): left out. */
  repeated: number
  /** Rows that could not be read as tasks: left out. */
  unreadable: number
  /** Tasks changed after the export began: they are as they were when read. */
  changedMeanwhile: number
  /** The cap stopped the paging: more tasks may follow. */
  capped: boolean
}

export interface ViewTasksOptions {
  upstream: UpstreamClient
  key: string | undefined
  /** The hash of the key: whose budget and pause the pages spend. */
  owner: string
  budget: SpendBudget
  backoff: UpstreamBackoff
  /** The view's request without paging (its filters and sort), by the one board → API mapping. */
  query: Omit<TaskListQuery, 'limit' | 'offset'>
  /** The most tasks read. */
  max: number
  /** When the export began: a task changed after it is counted in `changedMeanwhile`. */
  startedAt: number
  signal: AbortSignal
  pageSize?: number
}

/**
 * Every task of a view, page after page at background priority within the
 * key's figures budget (a page waits for it, and for a 429's pause), each
 * task once however the pages overlap, until a page comes back empty (a
 * short page proves nothing), the view's changes end (`changedSince`), or
 * `max` tasks were read. `report` says what the paging met.
 */
export function readViewTasks(options: ViewTasksOptions): {
  tasks: AsyncGenerator<Task, void, undefined>
  report: PagingReport
} {
  const report: PagingReport = { requests: 0, repeated: 0, unreadable: 0, changedMeanwhile: 0, capped: false }
  return { tasks: pages(options, report), report }
}

async function* pages(
  {
    upstream,
    key,
    owner,
    budget,
    backoff,
    query,
    max,
    startedAt,
    signal,
    pageSize = EXPORT_PAGE_SIZE,
  }: ViewTasksOptions,
  report: PagingReport,
): AsyncGenerator<Task, void, undefined> {
  const seen = new Set<string>()
  for (let offset = 0; ; offset += pageSize) {
    const rows = await page(offset)
    if (rows.length === 0) return
    for (const row of rows) {
      const parsed = taskSchema.safeParse(row)
      if (!parsed.success) {
        report.unreadable += 1
        continue
      }
      const task = parsed.data
      if (query.changedSince !== undefined && !changedAfter(task.status.lastModifiedAt, query.changedSince)) return
      if (seen.has(task._id)) {
        report.repeated += 1
        continue
      }
      if (seen.size >= max) {
        report.capped = true
        return
      }
      seen.add(task._id)
      if ((task.status.lastModifiedAt ?? 0) > startedAt) report.changedMeanwhile += 1
      yield task
    }
  }

  async function page(offset: number): Promise<unknown[]> {
    for (;;) {
      signal.throwIfAborted()
      if (backoff.isPaused(owner) || !(await budget.take(owner))) {
        await sleep(WAIT_STEP_MS, undefined, { signal })
        continue
      }
      report.requests += 1
      try {
        const params = toWireParams({ ...query, limit: pageSize, offset })
        const answer = await upstream({ path: '/tasks/', query: params, key, priority: 'background', signal })
        return listOf(answer, key)
      } catch (error) {
        const failure = asUpstreamError(error)
        if (failure.status !== 429) throw failure
        backoff.pause(owner, failure.retryAfterMs)
      }
    }
  }
}
