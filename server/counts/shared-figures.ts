import { randomBytes } from 'node:crypto'
import type { Database } from '../store/database.ts'

/** How long one server may take a figure before another may take it over (it died, or is stuck). */
const CLAIM_SECONDS = 30
/** How often a server waiting for another's figure looks for it. */
const POLL_MS = 200
/** How long a server waits for another's figure before it takes the figure itself. */
const WAIT_MS = 10_000

/** Whether other app servers may share this store: a PostgreSQL server, not the embedded one (locked to one). */
export function isServerStore(db: Database): boolean {
  try {
    return db.engine === 'postgres'
  } catch {
    return false // not open yet: nothing to share
  }
}

/** A figure (a count, a workload's tally) as JSON, dated by when it was begun (epoch ms). */
export interface SharedFigure<T> {
  value: T
  asOf: number
}

/** The figures every app server on the store shares (migration 007), each under an id of its kind and asker. */
export interface SharedFigures {
  /** False with the embedded store: one server alone, whose own cache is the whole of it. */
  isShared(): boolean
  /** The company's newest change number: a figure begun now is as of it. */
  changeNumber(companyId: string): Promise<number>
  /** A figure some server took within `ttlMs` and after the company's last change; null when there is none. */
  read<T>(id: string, companyId: string, ttlMs: number): Promise<SharedFigure<T> | null>
  /** Claims the taking of `id`: the claim's token, or null while another server holds a claim. */
  claim(id: string, companyId: string): Promise<string | null>
  /** Records a figure (as of change number `since`) and ends the claim `token` names, if it still holds. */
  publish<T>(id: string, companyId: string, figure: SharedFigure<T>, since: number, token: string | null): Promise<void>
  /** Ends the claim `token` names, if it still holds, without a figure. */
  release(id: string, token: string): Promise<void>
  /** Forgets figures older than `ms`. */
  purgeOlderThan(ms: number): Promise<void>
}

/** The newest change number of the company in parameter `param` (the change feed's, see task-feed.ts). */
const newestChange = (param: string) =>
  `(SELECT coalesce(max(feed_seq), 0) FROM task_changes WHERE company_id = ${param} AND feed_seq IS NOT NULL)`

export function createSharedFigures(db: Database, now: () => number = Date.now): SharedFigures {
  return {
    isShared: () => isServerStore(db),
    async changeNumber(companyId) {
      const [row] = await db.query<{ seq: string | number }>(`SELECT ${newestChange('$1')} AS seq`, [companyId])
      return Number(row?.seq ?? 0)
    },
    async read<T>(id: string, companyId: string, ttlMs: number) {
      const [row] = await db.query<{ value: T; as_of: string | number }>(
        `SELECT value, as_of FROM figure_cache
         WHERE id = $1 AND value IS NOT NULL AND as_of > $2 AND since >= ${newestChange('$3')}`,
        [id, now() - ttlMs, companyId],
      )
      return row ? { value: row.value, asOf: Number(row.as_of) } : null
    },
    async claim(id, companyId) {
      const token = randomBytes(9).toString('base64url')
      const rows = await db.query(
        `INSERT INTO figure_cache (id, company_id, counting_until, claimed_by)
         VALUES ($1, $2, now() + make_interval(secs => ${CLAIM_SECONDS}), $3)
         ON CONFLICT (id) DO UPDATE SET counting_until = EXCLUDED.counting_until, claimed_by = $3
           WHERE figure_cache.counting_until IS NULL OR figure_cache.counting_until < now()
         RETURNING id`,
        [id, companyId, token],
      )
      return rows.length === 1 ? token : null
    },
    async publish(id, companyId, figure, since, token) {
      await db.query(
        `INSERT INTO figure_cache (id, company_id, value, as_of, since) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (id) DO UPDATE SET company_id = $2, value = $3, as_of = $4, since = $5,
           counting_until = CASE WHEN figure_cache.claimed_by = $6 THEN NULL ELSE figure_cache.counting_until END`,
        [id, companyId, JSON.stringify(figure.value), figure.asOf, since, token],
      )
    },
    async release(id, token) {
      await db.query('UPDATE figure_cache SET counting_until = NULL WHERE id = $1 AND claimed_by = $2', [id, token])
    },
    async purgeOlderThan(ms) {
      await db.query(
        'DELETE FROM figure_cache WHERE coalesce(as_of, 0) < $1 AND coalesce(counting_until, now()) <= now()',
        [now() - ms],
      )
    },
  }
}

/**
 * A figure taken once for every app server: another server's when it has a
 * fresh one (`adopted`); else this server takes it (`take`) under a claim
 * and shares it; while another holds the claim, this one waits for that
 * server's figure (taking the claim over if it lapses, and the figure
 * itself after WAIT_MS: a request never waits long for a slow server). Without a shared
 * store, or when it fails, this server takes the figure alone. `take`
 * answers null when it got no figure (it failed, the budget ran out).
 */
export async function takeOnce<T>(
  shared: SharedFigures | undefined,
  { id, companyId, ttlMs }: { id: string; companyId: string; ttlMs: number },
  take: () => Promise<SharedFigure<T> | null>,
): Promise<{ figure: SharedFigure<T> | null; adopted: boolean }> {
  if (!shared?.isShared()) return { figure: await take(), adopted: false }
  let token: string | null = null
  let taken: { figure: SharedFigure<T> | null } | undefined
  try {
    const since = await shared.changeNumber(companyId)
    // Another server's figure, or the claim; past WAIT_MS (its server is slow), this one takes it unclaimed.
    for (const until = Date.now() + WAIT_MS; Date.now() < until;) {
      const found = await shared.read<T>(id, companyId, ttlMs)
      if (found) return { figure: found, adopted: true }
      if ((token = await shared.claim(id, companyId))) break
      await new Promise((resolve) => setTimeout(resolve, POLL_MS))
    }
    taken = { figure: await take() }
    if (taken.figure) await shared.publish(id, companyId, taken.figure, since, token)
    else if (token) await shared.release(id, token)
    return { figure: taken.figure, adopted: false }
  } catch {
    // The store failed (it is away): this server takes the figure on its own meanwhile.
    if (token) await shared.release(id, token).catch(() => {})
    return { figure: taken ? taken.figure : await take(), adopted: false }
  }
}
