import type { SpendBudget } from '../counts/shared-budget.ts'
import type { UpstreamBackoff } from '../counts/upstream-backoff.ts'
import type { UpstreamClient } from '../upstream/upstream-client.ts'
import { asUpstreamError, UpstreamError } from '../upstream/upstream-error.ts'
import { hashUpstreamKey } from '../upstream/upstream-key.ts'
import { ACTIVE_STATUSES, BudgetSpent, tallyActiveTasks } from './active-task-pages.ts'
import { takeOnce, type SharedFigures } from '../counts/shared-figures.ts'
import { createFigureEntries } from '../counts/figure-entries.ts'
import { createWorkloadTally, type Share, type WorkloadRow, type WorkloadTally } from './workload-tally.ts'

export const WORKLOAD_TTL_MS = 60_000
/** Filter sets kept; each keeps a due date per active task (at most WORKLOAD_MAX_TASKS). */
const MAX_ENTRIES = 200
const WAIT = 'The tasks API asked to wait.'

export interface Workload {
  /** When the figures were taken (epoch ms); overdue and due-today are as of then. */
  asOf: number
  timeZone: string
  activeStatuses: readonly string[]
  /** Distinct active tasks the figures cover. */
  covered: number
  /** True when the bound stopped the paging: the figures cover the first `covered` tasks only. */
  truncated: boolean
  rows: WorkloadRow[]
  /** Present when these are the last figures because new ones could not be taken. */
  stale?: { reason: 'rateLimited' | 'unavailable'; message: string }
}

export type WorkloadResult = { workload: Workload } | { failed: { status: number; message: string } }

export interface WorkloadServiceOptions {
  upstream: UpstreamClient
  /** The figures' budget per key, shared with counting: each page of a paging spends one request of it. */
  budget: SpendBudget
  backoff: UpstreamBackoff
  maxTasks: number
  now?: () => number
  /** The figures every app server on the store shares; without it (no store) this server's alone. */
  shared?: SharedFigures
}

/** One paging of a filter set's active tasks: what it covered, tallied so that every time zone reads it. */
interface Snapshot {
  asOf: number
  covered: number
  truncated: boolean
  tally: WorkloadTally
}

interface Entry {
  last: Snapshot | null
  running: Promise<Snapshot | Failure> | null
  /** When a task of the company changed through the board: figures taken before are taken again when asked. */
  expiredAt: number
}

interface Failure {
  status: number
  message: string
  /** Whether the last figures may stand in (the upstream or the budget stopped the paging, not a refusal). */
  lastMayStand: boolean
}

/**
 * Workload figures per filter set, cached for a minute for every browser
 * and keyed by who asks; one paging per filter set at a time, whatever the
 * time zones that ask (a zone changes only what "today" and "this week"
 * are, read from the same tally). Pages spend the key's budget for the
 * figures. When the upstream fails, asks to wait or the budget is spent,
 * the last figures are answered with a `stale` note; with none yet, the
 * failure is.
 */
export function createWorkloadService({
  upstream,
  budget,
  backoff,
  maxTasks,
  now = Date.now,
  shared,
}: WorkloadServiceOptions) {
  const entries = createFigureEntries<Entry>(MAX_ENTRIES, () => ({ last: null, running: null, expiredAt: 0 }))

  /** This server's paging, or another's on the same store (see takeOnce): its tally travels as plain data. */
  async function obtain(
    entry: Entry,
    id: string,
    owner: string,
    key: string | undefined,
    filters: URLSearchParams,
    companyId: string,
  ): Promise<Snapshot | Failure> {
    let failure: Failure | undefined
    const expiredBefore = entry.expiredAt
    const { figure, adopted } = await takeOnce<StoredSnapshot>(
      shared,
      { id: `workload:${id}`, companyId, ttlMs: WORKLOAD_TTL_MS },
      async () => {
        const taken = await take(entry, owner, key, filters)
        if (!('tally' in taken)) {
          failure = taken
          return null
        }
        const { covered, truncated, tally } = taken
        return { value: { covered, truncated, shares: tally.shares() }, asOf: taken.asOf }
      },
    )
    if (!figure) return failure ?? { status: 503, message: WAIT, lastMayStand: true }
    if (adopted) {
      const { covered, truncated, shares } = figure.value
      entry.last = { asOf: figure.asOf, covered, truncated, tally: createWorkloadTally(shares) }
      // The store vouches that no change came after it: this server's own marks of changes do not apply,
      // unless one came while the figure was being read.
      if (entry.expiredAt === expiredBefore) entry.expiredAt = 0
    }
    return entry.last!
  }

  async function take(
    entry: Entry,
    owner: string,
    key: string | undefined,
    filters: URLSearchParams,
  ): Promise<Snapshot | Failure> {
    const asOf = now()
    try {
      if (backoff.isPaused(owner)) throw new UpstreamError('refused', WAIT, 429)
      const tally = createWorkloadTally()
      const mayAsk = () => budget.take(owner)
      const paging = await tallyActiveTasks(upstream, filters, key, tally, maxTasks, { now, mayAsk })
      entry.last = { asOf, covered: paging.covered, truncated: paging.truncated, tally }
      return entry.last
    } catch (error) {
      if (error instanceof BudgetSpent) return { status: 429, message: error.message, lastMayStand: true }
      const failure = asUpstreamError(error)
      const status = failure.status
      // Counting and the workload share one pause per key: the upstream's limit is per key.
      if (status === 429 && !backoff.isPaused(owner)) backoff.pause(owner, failure.retryAfterMs)
      return {
        // No answer is a gateway timeout, an answer that could not be read a bad gateway.
        status: status ?? (failure.kind === 'unreadable' ? 502 : 504),
        message: status === 429 ? WAIT : failure.message,
        lastMayStand: status === 429 || status === null || status >= 500,
      }
    }
  }

  function answer(entry: Entry, taken: Snapshot | Failure, timeZone: string): WorkloadResult {
    if ('tally' in taken) return { workload: workloadOf(taken, timeZone) }
    if (!entry.last || !taken.lastMayStand) return { failed: { status: taken.status, message: taken.message } }
    const reason = taken.status === 429 ? ('rateLimited' as const) : ('unavailable' as const)
    return { workload: { ...workloadOf(entry.last, timeZone), stale: { reason, message: taken.message } } }
  }

  return {
    /** The workload of the active tasks of one canonical filter set, in `timeZone`. Never rejects. */
    async workload(
      key: string | undefined,
      filters: URLSearchParams,
      timeZone: string,
      companyId = '',
    ): Promise<WorkloadResult> {
      const owner = hashUpstreamKey(key)
      const id = entries.idOf(owner, filters)
      const entry = entries.entryFor(id)

      if (entry.last && now() - entry.last.asOf < WORKLOAD_TTL_MS && entry.last.asOf >= entry.expiredAt)
        return { workload: workloadOf(entry.last, timeZone) }
      const current = entry
      const running = current.running ?? obtain(current, id, owner, key, filters, companyId)
      if (!current.running) {
        current.running = running
        void running.finally(() => (current.running = null))
      }
      return answer(current, await running, timeZone)
    },
    /** A task changed for the owner of these keys' hashes: figures taken before now are taken again when asked. */
    expire(owners: Iterable<string>): void {
      entries.expire(owners, now())
    },
  }
}

/** A snapshot as another app server reads it from the store. */
interface StoredSnapshot {
  covered: number
  truncated: boolean
  shares: Share[]
}

/** A paging's figures as of when it was taken, in `timeZone`. */
function workloadOf({ asOf, covered, truncated, tally }: Snapshot, timeZone: string): Workload {
  return { asOf, timeZone, activeStatuses: ACTIVE_STATUSES, covered, truncated, rows: tally.rows(asOf, timeZone) }
}

export type WorkloadService = ReturnType<typeof createWorkloadService>
