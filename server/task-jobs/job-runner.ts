import { randomBytes } from 'node:crypto'
import { taskChangeSchema } from '../../src/shared/tasks/api/task-change.ts'
import { changeFor, jobTarget } from '../../src/shared/tasks/api/job-request.ts'
import type { UpstreamClient } from '../upstream/upstream-client.ts'
import { failureResponse, UpstreamError } from '../upstream/upstream-error.ts'
import { applyTaskChange, type ChangeResult } from '../task-writes/apply-change.ts'
import type { ChangeLog } from '../task-writes/change-log.ts'
import { modifiedAt, sameValue } from '../task-writes/task-values.ts'
import type { ClaimedJob, JobsRepository } from './jobs-repository.ts'
import type { WriteBudget } from './write-budget.ts'

export interface JobRunnerOptions {
  jobs: JobsRepository
  budget: WriteBudget
  log: ChangeLog
  upstream: UpstreamClient
  isAllowedPicture: (url: string) => boolean
  /** The key a job's `key_ref` names; null once that session has ended. */
  keyFor: (keyRef: string) => Promise<string | undefined | null>
  /** The store is one this server alone opens (the embedded one): leases of a server before a restart are void. */
  soleServer: () => boolean
  /** Jobs one server runs at once. */
  concurrency?: number
  /** How long a claimed job is this server's without a renewal: longer than one task's write may take. */
  leaseMs?: number
  /** How often the store is asked for jobs (another server's, or one given up). */
  pollMs?: number
}

export const jobWords = {
  sessionEnded: 'The session that started this job ended; the tasks it had not reached were left as they were.',
  keyRefused:
    'The tasks API refused the key this job writes with; the tasks it had not reached were left as they were.',
  restarted: 'Applied: read back after the app server restarted mid-way.',
} as const

/** How often one task is tried again after a 429 before it counts as failed. */
const MAX_ATTEMPTS = 5
/** The wait after a 429 that names none. */
const DEFAULT_BACK_OFF_MS = 5_000

/**
 * Runs the store's jobs, a few at a time: claims one with a lease, changes
 * its tasks one after another through the one write path (each within the
 * key's shared budget, each on record in the change log), renews the lease
 * as it goes, and gives the job back when the server stops. A job whose
 * server died is taken over once its lease runs out.
 */
export function createJobRunner(options: JobRunnerOptions) {
  const { jobs, budget, log } = options
  const owner = randomBytes(8).toString('hex')
  const concurrency = options.concurrency ?? 4
  // One task is three upstream requests in a row, each allowed its timeout: the lease outlasts them.
  const leaseMs = options.leaseMs ?? 120_000
  const pollMs = options.pollMs ?? 2_000
  const running = new Map<string, Promise<void>>()
  let stopping = false
  let timer: ReturnType<typeof setInterval> | undefined
  let filling: Promise<void> | null = null
  let released = false

  async function fill(): Promise<void> {
    if (!released && options.soleServer()) {
      await jobs.releaseAll()
      released = true
    }
    while (!stopping && running.size < concurrency) {
      const job = await jobs.claim(owner, leaseMs, [...running.keys()])
      if (!job) return
      const run = runJob(job)
        .catch((error: unknown) => {
          console.error('A task job stopped on an error:', error instanceof Error ? error.message : error)
          return jobs.release(job.id, job.claim).catch(() => {})
        })
        .finally(() => running.delete(job.id))
      running.set(job.id, run)
    }
  }

  /** Looks for work now (a job was just made); never runs two look-ups at once. */
  function wake(): void {
    if (stopping || filling) return
    filling = fill()
      .catch((error: unknown) => {
        console.error('Looking for task jobs failed:', error instanceof Error ? error.message : error)
      })
      .finally(() => {
        filling = null
      })
  }

  async function runJob(job: ClaimedJob): Promise<void> {
    let renewedAt = Date.now()
    let cancelled = false
    const keep = async () => {
      if (Date.now() - renewedAt < leaseMs / 3) return true
      renewedAt = Date.now()
      const lease = await jobs.renew(job.id, job.claim, leaseMs)
      cancelled = lease === 'cancel'
      return lease === 'held'
    }
    /** Waits, renewing the lease; false when the job was cancelled, taken, or the server stops. */
    const wait = async (ms: number) => {
      const until = Date.now() + ms
      while (Date.now() < until) {
        if (stopping) return false
        await sleep(Math.min(until - Date.now(), 500))
        if (!(await keep())) return false
      }
      return true
    }

    const end = () => (cancelled ? jobs.finish(job.id, job.claim, 'cancelled', null) : undefined)
    for (;;) {
      if (stopping) return jobs.release(job.id, job.claim)
      renewedAt = 0
      if (!(await keep())) return end()
      const item = await jobs.nextItem(job.id)
      if (!item) return jobs.finish(job.id, job.claim, 'done', null)
      const key = await options.keyFor(job.keyRef)
      if (key === null) return jobs.finish(job.id, job.claim, 'stopped', jobWords.sessionEnded)
      if (!(await wait(await budget.take(key ?? '')))) {
        return stopping ? jobs.release(job.id, job.claim) : end()
      }

      const seenModifiedAt = await jobs.ownLaterModification(job, item.task.id, item.task.seenModifiedAt)
      const change = taskChangeSchema.parse(changeFor(job.change, { ...item.task, seenModifiedAt }))
      await jobs.beginItem(job.id, item.position)
      const entry = await log.begin(job.actor, item.task.id, change)
      let result: ChangeResult
      try {
        result = await applyTaskChange({
          upstream: options.upstream,
          key,
          taskId: item.task.id,
          change,
          isAllowedPicture: options.isAllowedPicture,
        })
      } catch (error) {
        if (!(error instanceof UpstreamError)) throw error
        const { status } = failureResponse(error)
        result = { outcome: 'failed', status, message: error.message, task: null }
      }
      // A write begun before a restart may have happened: seeing the value asked for, read back, is seeing it applied.
      if (
        item.begun &&
        result.outcome === 'conflict' &&
        sameValue(change.field, asValue(result.found), jobTarget(job.change))
      ) {
        result = { ...result, outcome: 'applied', message: jobWords.restarted }
      }
      await log.finish(entry, result.outcome, result.message, result.found).catch(() => {})

      if (result.status === 429 && item.attempts + 1 < MAX_ATTEMPTS) {
        await budget.holdUntil(key ?? '', Date.now() + (result.retryAfterMs ?? DEFAULT_BACK_OFF_MS))
        await jobs.postponeItem(job.id, item.position)
        continue
      }
      const task = result.task
      const after = typeof task === 'object' && task !== null ? modifiedAt(task as Record<string, unknown>) : null
      await jobs.finishItem(job.id, job.claim, item.position, result.outcome, result.message, result.found, after)
      if (result.keyRefused) return jobs.finish(job.id, job.claim, 'stopped', jobWords.keyRefused)
    }
  }

  return {
    owner,
    start() {
      timer = setInterval(wake, pollMs)
      timer.unref()
      wake()
    },
    wake,
    /** Stops taking jobs and gives the running ones back after their current task. */
    async stop() {
      stopping = true
      if (timer) clearInterval(timer)
      await filling
      await Promise.allSettled(running.values())
    },
  }
}

function asValue(value: unknown): string | number | null {
  return typeof value === 'string' || typeof value === 'number' ? value : null
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)))
}
