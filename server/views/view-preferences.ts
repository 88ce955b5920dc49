import type { Database } from '../store/database.ts'
import type { ViewsRepository } from './views-repository.ts'
import type { Actor } from '../identity/request-context.ts'

/** Each user's default view. */
export function createViewPreferences(db: Database, views: ViewsRepository) {
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

  return { getDefault, setDefault }
}

export type ViewPreferences = ReturnType<typeof createViewPreferences>
