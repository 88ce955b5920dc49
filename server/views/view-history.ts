import type { Actor } from '../identity/request-context.ts'
import type { Database } from '../store/database.ts'
import { json, withNameCheck, type Clock, type ViewsRepository } from './views-repository.ts'
import {
  toIso,
  toView,
  TRASH_DAYS,
  VIEW_SELECT,
  ViewError,
  VISIBLE,
  type ColumnWidths,
  type Density,
  type View,
  type ViewScope,
} from './view-record.ts'

/** One earlier state of a view. */
export interface ViewVersion {
  version: number
  name: string
  query: string
  columns: string[] | null
  widths: ColumnWidths | null
  density: Density | null
  scope: ViewScope
  updatedBy: { id: string; name: string }
  updatedAt: string
}

interface VersionRow {
  version: number
  name: string
  query: string
  columns: string[] | null
  widths: ColumnWidths | null
  density: Density | null
  scope: ViewScope
  updated_by: string
  updated_by_name: string
  updated_at: Date | string
}

const DAY_MS = 86_400_000

/**
 * The versions of a view someone may read and restore: a shared view's
 * history starts, for the team, where it was shared; the states it had as
 * a personal view (a draft name, a query) stay its owner's. `$2` is whether
 * the reader owns the view.
 */
const SEEN_VERSIONS = `(scope = 'team' OR $2::boolean)`

/** The trash (deleted views, restorable for `TRASH_DAYS`) and every view's earlier versions. */
export function createViewHistory(db: Database, views: ViewsRepository, now: Clock = Date.now) {
  const trashCutoff = () => new Date(now() - TRASH_DAYS * DAY_MS).toISOString()

  /** Removes for good what has been in the trash longer than it is kept. */
  async function purgeTrash(): Promise<void> {
    await db.query('DELETE FROM views WHERE deleted_at IS NOT NULL AND deleted_at < $1', [trashCutoff()])
  }

  async function listTrash(actor: Actor): Promise<View[]> {
    await purgeTrash()
    const rows = await db.query<Parameters<typeof toView>[0]>(
      `SELECT ${VIEW_SELECT} WHERE ${VISIBLE} AND v.deleted_at IS NOT NULL ORDER BY v.deleted_at DESC`,
      [actor.userId, actor.companyId],
    )
    return rows.map(toView)
  }

  async function restoreFromTrash(actor: Actor, id: string): Promise<View> {
    const restored = await withNameCheck(() =>
      db.transaction(async (tx) => {
        const [trashed] = await tx.query<{ scope: ViewScope }>(
          `SELECT v.scope FROM views v WHERE ${VISIBLE} AND v.id = $3 AND v.deleted_at IS NOT NULL`,
          [actor.userId, actor.companyId, id],
        )
        if (trashed) await views.makeRoom(tx, actor, trashed.scope)
        return tx.query<{ id: string }>(
          `UPDATE views v SET deleted_at = NULL, deleted_by = NULL
           WHERE ${VISIBLE} AND v.id = $3 AND v.deleted_at IS NOT NULL AND v.deleted_at >= $4 RETURNING v.id`,
          [actor.userId, actor.companyId, id, trashCutoff()],
        )
      }),
    )
    if (restored.length === 0) throw new ViewError('not-found', 'This view is not in the trash.')
    return views.get(actor, id)
  }

  async function listVersions(actor: Actor, id: string): Promise<ViewVersion[]> {
    const view = await views.get(actor, id)
    const rows = await db.query<VersionRow>(
      `SELECT * FROM view_versions WHERE view_id = $1 AND ${SEEN_VERSIONS} ORDER BY version DESC`,
      [id, view.ownerId === actor.userId],
    )
    return rows.map((row) => ({
      version: row.version,
      name: row.name,
      query: row.query,
      columns: row.columns,
      widths: row.widths,
      density: row.density,
      scope: row.scope,
      updatedBy: { id: row.updated_by, name: row.updated_by_name },
      updatedAt: toIso(row.updated_at),
    }))
  }

  /**
   * Brings back an earlier version's content as a new version: the state it
   * replaces goes into the history too, so restoring is itself undoable.
   */
  async function restoreVersion(actor: Actor, id: string, from: number, edit: { version: number; unlock?: boolean }) {
    await withNameCheck(() =>
      db.transaction(async (tx) => {
        const current = await views.lockForChange(tx, actor, id, edit.version, edit.unlock)
        const [old] = await tx.query<VersionRow>(
          `SELECT * FROM view_versions WHERE view_id = $1 AND ${SEEN_VERSIONS} AND version = $3`,
          [id, current.ownerId === actor.userId, from],
        )
        if (!old) throw new ViewError('not-found', `This view has no version ${from}.`)
        await views.keepVersion(tx, current)
        await tx.query(
          `UPDATE views SET name = $2, query = $3, columns = $4::jsonb, density = $5, widths = $9::jsonb,
             version = version + 1, updated_by = $6, updated_by_name = $7, updated_at = $8
           WHERE id = $1`,
          [
            id,
            old.name,
            old.query,
            json(old.columns),
            old.density,
            actor.userId,
            actor.userName,
            new Date(now()).toISOString(),
            json(old.widths),
          ],
        )
      }),
    )
    return views.get(actor, id)
  }

  return { purgeTrash, listTrash, restoreFromTrash, listVersions, restoreVersion }
}

export type ViewHistory = ReturnType<typeof createViewHistory>
