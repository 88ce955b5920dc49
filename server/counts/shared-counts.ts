import type { Database } from '../store/database.ts'

/** How long one server may count a filter set before another may take it over (it died, or is stuck). */
const CLAIM_SECONDS = 30

/** An exact figure, dated by when its count began (epoch ms). */
/** Whether other app servers may share this store: a PostgreSQL server, not the embedded one (locked to one). */
export function isServerStore(db: Database): boolean {
  try {
    return db.engine === 'postgres'
  } catch {
    return false // not open yet: nothing to share
  }
}

export interface SharedFigure {
  count: number
  asOf: number
}

/** The counts every app server on the store shares (migration 007). */
export interface SharedCounts {
  /** False with the embedded store: one server alone, whose own cache is the whole of it. */
  isShared(): boolean
  /** The company's newest change number: a count that begins now is as of it. */
  changeNumber(companyId: string): Promise<number>
  /** A figure some server took within `ttlMs` and after the company's last change; null when there is none. */
  read(id: string, companyId: string, ttlMs: number): Promise<SharedFigure | null>
  /** Claims the counting of `id`; false while another server holds the claim. */
  claim(id: string, companyId: string): Promise<boolean>
  /** Records an exact figure (as of change number `since`) and ends the claim. */
  publish(id: string, companyId: string, figure: SharedFigure, since: number): Promise<void>
  /** Ends the claim without a figure. */
  release(id: string): Promise<void>
  /** Forgets figures older than `ms`. */
  purgeOlderThan(ms: number): Promise<void>
}

/** The newest change number of the company in parameter `param` (the change feed's, see task-feed.ts). */
const newestChange = (param: string) =>
  `(SELECT coalesce(max(feed_seq), 0) FROM task_changes WHERE company_id = ${param} AND feed_seq IS NOT NULL)`

export function createSharedCounts(db: Database, now: () => number = Date.now): SharedCounts {
  return {
    isShared: () => isServerStore(db),
    async changeNumber(companyId) {
      const [row] = await db.query<{ seq: string | number }>(`SELECT ${newestChange('$1')} AS seq`, [companyId])
      return Number(row?.seq ?? 0)
    },
    async read(id, companyId, ttlMs) {
      const [row] = await db.query<{ count: number; as_of: string | number }>(
        `SELECT count, as_of FROM figure_cache
         WHERE id = $1 AND count IS NOT NULL AND as_of > $2 AND since >= ${newestChange('$3')}`,
        [id, now() - ttlMs, companyId],
      )
      return row ? { count: row.count, asOf: Number(row.as_of) } : null
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
        `INSERT INTO figure_cache (id, company_id, count, as_of, since) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (id) DO UPDATE SET company_id = $2, count = $3, as_of = $4, since = $5, counting_until = NULL`,
        [id, companyId, figure.count, figure.asOf, since],
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
