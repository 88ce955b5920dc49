import type { UpstreamBackoff } from '../counts/upstream-backoff.ts'
import type { UpstreamClient } from '../upstream/upstream-client.ts'
import { asUpstreamError, UpstreamError } from '../upstream/upstream-error.ts'
import { hashUpstreamKey } from '../counts/upstream-key.ts'
import { ACTIVE_STATUSES, tallyActiveTasks } from './active-task-pages.ts'
import { createWorkloadTally, type WorkloadRow } from './workload-tally.ts'

export const WORKLOAD_TTL_MS = 60_000
const MAX_ENTRIES = 1000
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
  backoff: UpstreamBackoff
  maxTasks: number
  now?: () => number
}

interface Entry {
  last: Workload | null
  running: Promise<WorkloadResult> | null
}

/**
 * Workload figures per filter set and time zone, cached for a minute for
 * every browser and keyed by who asks; one run per figure at a time. When
 * the upstream fails or asks to wait, the last figures are answered with
 * a `stale` note; with none yet, the failure is.
 */
export function createWorkloadService({ upstream, backoff, maxTasks, now = Date.now }: WorkloadServiceOptions) {
  const entries = new Map<string, Entry>()

  async function take(
    entry: Entry,
    owner: string,
    key: string | undefined,
    filters: URLSearchParams,
    timeZone: string,
  ): Promise<WorkloadResult> {
    const asOf = now()
    try {
      if (backoff.isPaused(owner)) throw new UpstreamError('refused', WAIT, 429)
      const tally = createWorkloadTally(asOf, timeZone)
      const paging = await tallyActiveTasks(upstream, filters, key, tally, maxTasks, now)
      entry.last = {
        asOf,
        timeZone,
        activeStatuses: ACTIVE_STATUSES,
        covered: paging.covered,
        truncated: paging.truncated,
        rows: tally.rows(),
      }
      return { workload: entry.last }
    } catch (error) {
      const failure = asUpstreamError(error)
      const status = failure.status
      // Counting and the workload share one pause per key: the upstream's limit is per key.
      if (status === 429 && !backoff.isPaused(owner)) backoff.pause(owner, failure.retryAfterMs)
      const message = status === 429 ? WAIT : failure.message
      if (entry.last && (status === 429 || status === null || status >= 500)) {
        const reason = status === 429 ? ('rateLimited' as const) : ('unavailable' as const)
        return { workload: { ...entry.last, stale: { reason, message } } }
      }
      // No answer is a gateway timeout, an answer that could not be read a bad gateway.
      return { failed: { status: status ?? (failure.kind === 'unreadable' ? 502 : 504), message } }
    }
  }

  return {
    /** The workload of the active tasks of one canonical filter set. Never rejects. */
    async workload(key: string | undefined, filters: URLSearchParams, timeZone: string): Promise<WorkloadResult> {
      const owner = hashUpstreamKey(key)
      const id = `${owner}?${filters.toString()}#${timeZone}`
      let entry = entries.get(id)
      if (entry) entries.delete(id)
      else entry = { last: null, running: null }
      entries.set(id, entry)
      if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!)

      if (entry.last && now() - entry.last.asOf < WORKLOAD_TTL_MS) return { workload: entry.last }
      const current = entry
      const running = current.running ?? take(current, owner, key, filters, timeZone)
      if (!current.running) {
        current.running = running
        void running.finally(() => (current.running = null))
      }
      return running
    },
  }
}

export type WorkloadService = ReturnType<typeof createWorkloadService>
