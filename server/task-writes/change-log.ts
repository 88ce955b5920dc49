import type { ChangeOutcome, TaskChange } from '../../src/shared/tasks/api/task-change.ts'
import { targetOf } from '../../src/shared/tasks/api/task-change.ts'
import type { Actor } from '../identity/request-context.ts'
import type { Database } from '../store/database.ts'

/** One attempt as the task panel lists it. */
export interface LoggedChange {
  at: string
  personName: string
  field: TaskChange['field']
  seen: unknown
  wanted: unknown
  /** What the API held when the change was refused as a conflict (a colleague's value); null otherwise. */
  found: unknown
  /** Null while the attempt is under way (or when the server stopped before it ended). */
  outcome: ChangeOutcome | null
}

/** The channel an applied change is announced on. */
export const TASK_FEED_CHANNEL = 'task_feed'

/** How long attempts are kept. */
export const CHANGE_LOG_DAYS = 180
/** The most recent attempts on one task the panel lists. */
export const CHANGES_PER_TASK = 50

/**
 * The record of every change attempted from the board, in the store (both
 * engines, so every app server on one PostgreSQL shares it). An attempt is
 * begun before anything goes upstream and finished with its outcome.
 */
export function createChangeLog(db: Database, now: () => number = Date.now) {
  const at = () => new Date(now()).toISOString()

  async function begin(actor: Actor, taskId: string, change: TaskChange): Promise<string> {
    const [row] = await db.query<{ id: string }>(
      `INSERT INTO task_changes (company_id, task_id, field, seen, wanted, person_id, person_name, key_user_id, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        actor.companyId,
        taskId,
        change.field,
        JSON.stringify(change.from),
        JSON.stringify(targetOf(change)),
        actor.userId,
        actor.userName,
        actor.keyUserId ?? (actor.userId.includes(':') ? null : actor.userId),
        at(),
      ],
    )
    return String(row!.id)
  }

  /**
   * Ends an attempt. An applied change also takes its place in the change
   * feed (its number, and a NOTIFY that reaches every app server at commit:
   * see task-feed.ts).
   */
  async function finish(id: string, outcome: ChangeOutcome, message: string | null, found: unknown): Promise<void> {
    await db.query(
      `WITH done AS (
         UPDATE task_changes SET outcome = $2, message = $3, found = $4, finished_at = $5,
           feed_seq = CASE WHEN $2 = 'applied' THEN nextval('task_feed_seq') END
         WHERE id = $1 RETURNING feed_seq
       )
       SELECT pg_notify('${TASK_FEED_CHANNEL}', feed_seq::text) FROM done WHERE feed_seq IS NOT NULL`,
      [id, outcome, message, found === undefined ? null : JSON.stringify(found), at()],
    )
  }

  /** The latest attempts on one task of a company, newest first. */
  async function forTask(companyId: string, taskId: string): Promise<LoggedChange[]> {
    const rows = await db.query<{
      created_at: Date | string
      person_name: string
      field: TaskChange['field']
      seen: unknown
      wanted: unknown
      found: unknown
      outcome: ChangeOutcome | null
    }>(
      `SELECT created_at, person_name, field, seen, wanted, found, outcome FROM task_changes
       WHERE company_id = $1 AND task_id = $2 ORDER BY created_at DESC, id DESC LIMIT $3`,
      [companyId, taskId, CHANGES_PER_TASK],
    )
    return rows.map((row) => ({
      at: new Date(row.created_at).toISOString(),
      personName: row.person_name,
      field: row.field,
      seen: row.seen,
      wanted: row.wanted,
      found: row.found,
      outcome: row.outcome,
    }))
  }

  async function purgeOld(): Promise<void> {
    await db.query('DELETE FROM task_changes WHERE created_at < $1', [
      new Date(now() - CHANGE_LOG_DAYS * 86_400_000).toISOString(),
    ])
  }

  return { begin, finish, forTask, purgeOld }
}

export type ChangeLog = ReturnType<typeof createChangeLog>
