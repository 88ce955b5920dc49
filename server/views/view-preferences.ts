import type { Database } from '../store/database.ts'
import type { ViewsRepository } from './views-repository.ts'
import type { Actor } from '../identity/request-context.ts'
import { toIso } from './view-record.ts'

/** What each person keeps about the views: their default, and when they last opened each. */
export function createViewPreferences(db: Database, views: ViewsRepository, now: () => number = Date.now) {
  /** The default view's id, or null when none is set or it is in the trash. */
  async function getDefault(actor: Actor): Promise<string | null> {
    const [row] = await db.query<{ view_id: string }>(
      `SELECT d.view_id FROM default_views d JOIN views v ON v.id = d.view_id
       WHERE d.company_id = $2 AND d.user_id = $1 AND v.deleted_at IS NULL
         AND (v.scope = 'team' OR v.owner_id = $1)`,
      [actor.userId, actor.companyId],
    )
    return row?.view_id ?? null
  }

  async function setDefault(actor: Actor, viewId: string | null): Promise<void> {
    if (viewId === null) {
      await db.query('DELETE FROM default_views WHERE company_id = $1 AND user_id = $2', [
        actor.companyId,
        actor.userId,
      ])
      return
    }
    await views.get(actor, viewId)
    await db.query(
      `INSERT INTO default_views (company_id, user_id, view_id) VALUES ($1, $2, $3)
       ON CONFLICT (company_id, user_id) DO UPDATE SET view_id = EXCLUDED.view_id`,
      [actor.companyId, actor.userId, viewId],
    )
  }

  /** When the actor last opened each view they did open, by view id (ISO). */
  async function looks(actor: Actor): Promise<Map<string, string>> {
    const rows = await db.query<{ view_id: string; looked_at: Date | string }>(
      'SELECT view_id, looked_at FROM view_looks WHERE user_id = $1',
      [actor.userId],
    )
    return new Map(rows.map((row) => [row.view_id, toIso(row.looked_at)]))
  }

  /**
   * The actor opens a view they may see: now is their last look at it.
   * Answers it, and the look before (null the first time), from which the
   * board says what is new to them.
   */
  async function look(actor: Actor, viewId: string): Promise<{ lookedAt: string; previous: string | null }> {
    await views.get(actor, viewId)
    const lookedAt = new Date(now()).toISOString()
    const [row] = await db.query<{ previous: Date | string | null }>(
      `WITH before AS (SELECT looked_at FROM view_looks WHERE view_id = $1 AND user_id = $2)
       INSERT INTO view_looks (view_id, user_id, looked_at) VALUES ($1, $2, $3)
       ON CONFLICT (view_id, user_id) DO UPDATE SET looked_at = EXCLUDED.looked_at
       RETURNING (SELECT looked_at FROM before) AS previous`,
      [viewId, actor.userId, lookedAt],
    )
    return { lookedAt, previous: row?.previous ? toIso(row.previous) : null }
  }

  return { getDefault, setDefault, looks, look }
}

export type ViewPreferences = ReturnType<typeof createViewPreferences>
