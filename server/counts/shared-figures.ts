import type { Database } from '../store/database.ts'

/** How long one server may take a figure before another may take it over (it died, or is stuck). */
const CLAIM_SECONDS = 30
/** How often a server waiting for another's figure looks for it. */
const POLL_MS = 200

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
  /** Claims the taking of `id`; false while another server holds the claim. */
  claim(id: string, companyId: string): Promise<boolean>
  /** Records a figure (as of change number `since`) and ends the claim. */
  publish<T>(id: string, companyId: string, figure: SharedFigure<T>, since: number): Promise<void>
  /** Ends the claim without a figure. */
  release(id: string): Promise<void>
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
      const rows = await db.query(
        `INSERT INTO figure_cache (id, company_id, counting_until)
         VALUES ($1, $2, now() + make_interval(secs => ${CLAIM_SECONDS}))
         ON CONFLICT (id) DO UPDATE SET counting_until = EXCLUDED.counting_until
           WHERE figure_cache.counting_until IS NULL OR figure_cache.counting_until < now()
         RETURNING id`,
        [id, companyId],
      )
      return rows.length === 1
    },
    async publish(id, companyId, figure, since) {
      await db.query(
        `INSERT INTO figure_cache (id, company_id, value, as_of, since) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (id) DO UPDATE SET company_id = $2, value = $3, as_of = $4, since = $5, counting_until = NULL`,
        [id, companyId, JSON.stringify(figure.value), figure.asOf, since],
      )
    },
    async release(id) {
      await db.query('UPDATE figure_cache SET counting_until = NULL WHERE id = $1', [id])
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
 * server's figure (and takes the claim over if it lapses). Without a shared
 * store, or when it fails, this server takes the figure alone. `take`
 * answers null when it got no figure (it failed, the budget ran out).
 */
export async function takeOnce<T>(
  shared: SharedFigures | undefined,
  { id, companyId, ttlMs }: { id: string; companyId: string; ttlMs: number },
  take: () => Promise<SharedFigure<T> | null>,
): Promise<{ figure: SharedFigure<T> | null; adopted: boolean }> {
  if (!shared?.isShared()) return { figure: await take(), adopted: false }
  let claimed = false
  let taken: { figure: SharedFigure<T> | null } | undefined
  try {
    const since = await shared.changeNumber(companyId)
    for (;;) {
      const found = await shared.read<T>(id, companyId, ttlMs)
      if (found) return { figure: found, adopted: true }
      if ((claimed = await shared.claim(id, companyId))) break
      await new Promise((resolve) => setTimeout(resolve, POLL_MS))
    }
    taken = { figure: await take() }
    if (taken.figure) await shared.publish(id, companyId, taken.figure, since)
    else await shared.release(id)
    return { figure: taken.figure, adopted: false }
  } catch {
    // The store failed (it is away): this server takes the figure on its own meanwhile.
    if (claimed) await shared.release(id).catch(() => {})
    return { figure: taken ? taken.figure : await take(), adopted: false }
  }
}
