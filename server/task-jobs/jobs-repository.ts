import { randomBytes } from 'node:crypto'
import type { ChangeOutcome } from '../../src/shared/tasks/api/task-change.ts'
import { jobChangeOf, jobTarget, type JobChange, type SeenTask } from '../../src/shared/tasks/api/job-request.ts'
import type { JobState, TaskJob } from '../../src/shared/tasks/api/task-job.ts'
import type { Actor } from '../identity/request-context.ts'
import type { Database, Queryable } from '../store/database.ts'

/** A job as its runner needs it. */
export interface ClaimedJob {
  id: string
  /** This claim's token: a server that claims the job again (its lease ran out) holds a new one. */
  claim: string
  companyId: string
  actor: Actor
  keyRef: string
  change: JobChange
  createdAt: string
}

/** The next task of a job to change. */
export interface PendingItem {
  position: number
  task: SeenTask
  /** Begun before (by a server that stopped mid-way): the write may have happened. */
  begun: boolean
  attempts: number
}

/** How long finished jobs are kept. */
export const JOB_DAYS = 30
/** The jobs of a person the board lists: the open ones and the latest finished. */
export const JOBS_LISTED = 5
/** Rows per INSERT when a job's items are stored. */
const ITEMS_PER_INSERT = 200

interface JobRow {
  id: string
  company_id: string
  person_id: string
  person_name: string
  key_user_id: string | null
  key_ref: string
  field: JobChange['field']
  target: string | number | null
  state: JobState
  message: string | null
  created_at: Date | string
  finished_at: Date | string | null
}

/**
 * Jobs in the store (both engines), so every app server on one PostgreSQL
 * sees the same jobs: a job is claimed with a lease by one server at a time,
 * and taken over by another when that server stops renewing it.
 */
export function createJobsRepository(db: Database, now: () => number = Date.now) {
  const iso = (ms: number) => new Date(ms).toISOString()

  async function create(actor: Actor, keyRef: string, change: JobChange, tasks: readonly SeenTask[]): Promise<string> {
    const id = randomBytes(12).toString('hex')
    await db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO task_jobs (id, company_id, person_id, person_name, key_user_id, key_ref, field, target, state, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'queued', $9)`,
        [
          id,
          actor.companyId,
          actor.userId,
          actor.userName,
          actor.keyUserId ?? (actor.userId.includes(':') ? null : actor.userId),
          keyRef,
          change.field,
          JSON.stringify(jobTarget(change)),
          iso(now()),
        ],
      )
      await insertItems(tx, id, tasks)
    })
    return id
  }

  async function insertItems(tx: Queryable, jobId: string, tasks: readonly SeenTask[]): Promise<void> {
    for (let start = 0; start < tasks.length; start += ITEMS_PER_INSERT) {
      const chunk = tasks.slice(start, start + ITEMS_PER_INSERT)
      const params: unknown[] = []
      const rows = chunk.map((task, index) => {
        params.push(jobId, start + index, task.id.toLowerCase(), JSON.stringify(task.from), task.seenModifiedAt)
        const at = index * 5
        return `($${at + 1}, $${at + 2}, $${at + 3}, $${at + 4}, $${at + 5})`
      })
      await tx.query(
        `INSERT INTO task_job_items (job_id, position, task_id, seen, seen_modified_at) VALUES ${rows.join(', ')}`,
        params,
      )
    }
  }

  /** One job of a company, with every task's outcome so far. */
  async function get(companyId: string, id: string): Promise<TaskJob | null> {
    const [row] = await db.query<JobRow>('SELECT * FROM task_jobs WHERE id = $1 AND company_id = $2', [id, companyId])
    return row ? withItems(row) : null
  }

  /** A person's open jobs and latest finished ones, newest first. */
  async function listFor(actor: Actor): Promise<TaskJob[]> {
    const rows = await db.query<JobRow>(
      `SELECT * FROM task_jobs WHERE company_id = $1 AND person_id = $2
       ORDER BY (state IN ('queued', 'running')) DESC, created_at DESC LIMIT $3`,
      [actor.companyId, actor.userId, JOBS_LISTED],
    )
    return Promise.all(rows.map(withItems))
  }

  async function withItems(row: JobRow): Promise<TaskJob> {
    const items = await db.query<{ task_id: string; outcome: ChangeOutcome | null; message: string | null }>(
      'SELECT task_id, outcome, message FROM task_job_items WHERE job_id = $1 ORDER BY position',
      [row.id],
    )
    return {
      id: row.id,
      field: row.field,
      target: row.target,
      state: row.state,
      message: row.message,
      finishedAt: row.finished_at === null ? null : new Date(row.finished_at).toISOString(),
      items: items.map((item) => ({ taskId: item.task_id, outcome: item.outcome, message: item.message })),
    }
  }

  /** The tasks of a job the API did not change for a reason worth trying again (it failed), with what was seen. */
  async function failedTasks(companyId: string, id: string): Promise<SeenTask[]> {
    const rows = await db.query<{ task_id: string; seen: string | number | null; seen_modified_at: string | null }>(
      `SELECT i.task_id, i.seen, i.seen_modified_at FROM task_job_items i JOIN task_jobs j ON j.id = i.job_id
       WHERE j.id = $1 AND j.company_id = $2 AND i.outcome = 'failed' ORDER BY i.position`,
      [id, companyId],
    )
    return rows.map((row) => ({
      id: row.task_id,
      from: row.seen,
      seenModifiedAt: row.seen_modified_at === null ? null : Number(row.seen_modified_at),
    }))
  }

  /**
   * Cancels an open job of its person; the tasks it has not reached stay as
   * they are. A job nobody holds ends at once; a job being run ends when its
   * server has finished the task under way (so no later job writes that task
   * meanwhile).
   */
  async function cancel(actor: Actor, id: string): Promise<boolean> {
    const rows = await db.query(
      `UPDATE task_jobs SET cancel_requested = true,
         state = CASE WHEN owner IS NULL THEN 'cancelled' ELSE state END,
         finished_at = CASE WHEN owner IS NULL THEN $4::timestamptz ELSE finished_at END
       WHERE id = $1 AND company_id = $2 AND person_id = $3 AND state IN ('queued', 'running') RETURNING id`,
      [id, actor.companyId, actor.userId, iso(now())],
    )
    return rows.length > 0
  }

  async function openJobsOf(actor: Actor): Promise<number> {
    const [row] = await db.query<{ count: string | number }>(
      `SELECT count(*) AS count FROM task_jobs WHERE company_id = $1 AND person_id = $2 AND state IN ('queued', 'running')`,
      [actor.companyId, actor.userId],
    )
    return Number(row?.count ?? 0)
  }

  /**
   * Claims the oldest open job nobody holds, for `leaseMs`. A job waits while
   * an older open job of its company still has to change one of its tasks:
   * two jobs never change one task at once, and they change it in order.
   */
  async function claim(server: string, leaseMs: number, holding: readonly string[] = []): Promise<ClaimedJob | null> {
    const claimToken = `${server}:${randomBytes(6).toString('hex')}`
    const [row] = await db.query<JobRow>(
      `UPDATE task_jobs SET state = 'running', owner = $1, lease_until = clock_timestamp() + make_interval(secs => $2)
       WHERE id = (
         SELECT j.id FROM task_jobs j
         WHERE j.state IN ('queued', 'running')
           AND (j.lease_until IS NULL OR j.lease_until < clock_timestamp()) AND NOT (j.id = ANY($3::text[]))
           AND NOT EXISTS (
             SELECT 1 FROM task_job_items mine
             JOIN task_job_items theirs ON theirs.task_id = mine.task_id AND theirs.outcome IS NULL
             JOIN task_jobs older ON older.id = theirs.job_id
             WHERE mine.job_id = j.id AND older.id <> j.id AND older.company_id = j.company_id
               AND older.state IN ('queued', 'running')
               AND (older.created_at, older.id) < (j.created_at, j.id))
         ORDER BY j.created_at, j.id LIMIT 1 FOR UPDATE SKIP LOCKED)
       RETURNING *`,
      [claimToken, leaseMs / 1000, [...holding]],
    )
    if (!row) return null
    const change = jobChangeOf(row.field, row.target)
    return {
      id: row.id,
      claim: claimToken,
      companyId: row.company_id,
      actor: {
        userId: row.person_id,
        userName: row.person_name,
        companyId: row.company_id,
        ...(row.key_user_id !== null && row.key_user_id !== row.person_id ? { keyUserId: row.key_user_id } : {}),
      },
      keyRef: row.key_ref,
      change,
      createdAt: new Date(row.created_at).toISOString(),
    }
  }

  /**
   * Extends this claim's lease: `held`, `cancel` when the person asked to
   * stop (the job is this claim's to end), `lost` when another claim holds it.
   */
  async function renew(id: string, claimToken: string, leaseMs: number): Promise<'held' | 'cancel' | 'lost'> {
    const [row] = await db.query<{ cancel_requested: boolean }>(
      `UPDATE task_jobs SET lease_until = clock_timestamp() + make_interval(secs => $3)
       WHERE id = $1 AND owner = $2 AND state = 'running' RETURNING cancel_requested`,
      [id, claimToken, leaseMs / 1000],
    )
    return !row ? 'lost' : row.cancel_requested ? 'cancel' : 'held'
  }

  /** Gives a job back unfinished (its server is stopping): any server may take it at once. */
  async function release(id: string, owner: string): Promise<void> {
    await db.query(`UPDATE task_jobs SET owner = NULL, lease_until = NULL WHERE id = $1 AND owner = $2`, [id, owner])
  }

  /** Frees every lease: for a store only this server opens (the embedded one), whatever held them is gone. */
  async function releaseAll(): Promise<void> {
    await db.query(`UPDATE task_jobs SET owner = NULL, lease_until = NULL WHERE state IN ('queued', 'running')`)
  }

  async function nextItem(jobId: string): Promise<PendingItem | null> {
    const [row] = await db.query<{
      position: number
      task_id: string
      seen: string | number | null
      seen_modified_at: string | null
      started_at: Date | string | null
      attempts: number
    }>(
      `SELECT position, task_id, seen, seen_modified_at, started_at, attempts FROM task_job_items
       WHERE job_id = $1 AND outcome IS NULL ORDER BY position LIMIT 1`,
      [jobId],
    )
    if (!row) return null
    return {
      position: row.position,
      task: {
        id: row.task_id,
        from: row.seen,
        seenModifiedAt: row.seen_modified_at === null ? null : Number(row.seen_modified_at),
      },
      begun: row.started_at !== null,
      attempts: row.attempts,
    }
  }

  async function beginItem(jobId: string, position: number): Promise<void> {
    await db.query(
      'UPDATE task_job_items SET started_at = $3, attempts = attempts + 1 WHERE job_id = $1 AND position = $2',
      [jobId, position, iso(now())],
    )
  }

  /** Puts an item back to wait (a 429): not begun, so a takeover does not take it for a write that may have happened. */
  async function postponeItem(jobId: string, position: number): Promise<void> {
    await db.query('UPDATE task_job_items SET started_at = NULL WHERE job_id = $1 AND position = $2', [jobId, position])
  }

  /** Records a task's outcome, unless the job is no longer this claim's (the claim that holds it records its own). */
  async function finishItem(
    jobId: string,
    claimToken: string,
    position: number,
    outcome: ChangeOutcome,
    message: string | null,
    found: unknown,
    resultModifiedAt: number | null,
  ): Promise<void> {
    await db.query(
      `UPDATE task_job_items SET outcome = $3, message = $4, found = $5, result_modified_at = $6, finished_at = $7
       WHERE job_id = $1 AND position = $2`,
      [
        jobId,
        position,
        outcome,
        message,
        found === undefined ? null : JSON.stringify(found),
        resultModifiedAt,
        iso(now()),
      ],
    )
  }

  async function finish(
    id: string,
    owner: string,
    state: Exclude<JobState, 'queued' | 'running'>,
    message: string | null,
  ) {
    await db.query(
      `UPDATE task_jobs SET state = $3, message = $4, finished_at = $5, owner = NULL, lease_until = NULL
       WHERE id = $1 AND owner = $2 AND state = 'running'`,
      [id, owner, state, message, iso(now())],
    )
  }

  /**
   * The `lastModifiedAt` a task holds after the board's own earlier jobs
   * changed it, starting from what a later job saw: a job queued behind
   * another on the same task is not refused for the first one's change, but
   * still is for anybody else's.
   */
  async function ownLaterModification(job: ClaimedJob, taskId: string, seen: number | null): Promise<number | null> {
    let current = seen
    for (let hop = 0; hop < 10; hop += 1) {
      const [row] = await db.query<{ result_modified_at: string }>(
        `SELECT i.result_modified_at FROM task_job_items i JOIN task_jobs j ON j.id = i.job_id
         WHERE j.company_id = $1 AND i.task_id = $2 AND i.outcome = 'applied' AND i.result_modified_at IS NOT NULL
           AND i.seen_modified_at IS NOT DISTINCT FROM $3 AND j.id <> $4 AND j.created_at <= $5
         ORDER BY i.finished_at DESC LIMIT 1`,
        [job.companyId, taskId, current, job.id, job.createdAt],
      )
      if (!row) break
      current = Number(row.result_modified_at)
    }
    return current
  }

  async function purgeOld(): Promise<void> {
    await db.query(`DELETE FROM task_jobs WHERE state NOT IN ('queued', 'running') AND created_at < $1`, [
      iso(now() - JOB_DAYS * 86_400_000),
    ])
  }

  return {
    create,
    get,
    listFor,
    failedTasks,
    cancel,
    openJobsOf,
    claim,
    renew,
    release,
    releaseAll,
    nextItem,
    beginItem,
    postponeItem,
    finishItem,
    finish,
    ownLaterModification,
    purgeOld,
  }
}

export type JobsRepository = ReturnType<typeof createJobsRepository>
