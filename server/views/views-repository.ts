import type { Actor } from '../identity/request-context.ts'
import { isUniqueViolation, type Database, type Queryable } from '../store/database.ts'
import {
  newViewId,
  toView,
  VIEW_SELECT,
  ViewError,
  VIEW_CAPS,
  VISIBLE,
  type View,
  type ViewCaps,
  type ViewContent,
  type ViewRow,
  type ViewScope,
} from './view-record.ts'

export interface ViewEdit {
  /** The version the edit was made on; another one means someone changed the view since. */
  version: number
  content: Partial<ViewContent>
  /** Sharing a personal view with the team; a team view never becomes personal. */
  scope?: ViewScope
  /** Team views are locked: changing one must be meant. */
  unlock?: boolean
}

export type Clock = () => number

/** Any fixed number: with the company's hash it names the lock that counts its views one save at a time. */
const ROOM_LOCK = 7_341_203

/** Views in SQL. Every statement is scoped to what the actor may see; another company's views do not exist for it. */
export function createViewsRepository(db: Database, now: Clock = Date.now, caps: ViewCaps = VIEW_CAPS) {
  const at = () => new Date(now()).toISOString()

  async function list(actor: Actor): Promise<View[]> {
    const rows = await db.query<ViewRow>(
      `SELECT ${VIEW_SELECT} WHERE ${VISIBLE} AND v.deleted_at IS NULL ORDER BY lower(v.name), v.id`,
      [actor.userId, actor.companyId],
    )
    return rows.map(toView)
  }

  async function get(actor: Actor, id: string, on: Queryable = db): Promise<View> {
    const [row] = await on.query<ViewRow>(
      `SELECT ${VIEW_SELECT} WHERE ${VISIBLE} AND v.deleted_at IS NULL AND v.id = $3`,
      [actor.userId, actor.companyId, id],
    )
    if (!row) throw new ViewError('not-found', 'This view does not exist or was deleted.')
    return toView(row)
  }

  async function create(actor: Actor, content: ViewContent, scope: ViewScope): Promise<View> {
    const id = newViewId()
    const time = at()
    await withNameCheck(() =>
      db.transaction(async (tx) => {
        await makeRoom(tx, actor, scope)
        await tx.query(
          `INSERT INTO views (id, company_id, scope, owner_id, name, query, columns, density, widths,
           created_by, created_by_name, created_at, updated_by, updated_by_name, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $11::jsonb, $4, $9, $10, $4, $9, $10)`,
          [
            id,
            actor.companyId,
            scope,
            actor.userId,
            content.name,
            content.query,
            json(content.columns),
            content.density,
            actor.userName,
            time,
            json(content.widths),
          ],
        )
      }),
    )
    return get(actor, id)
  }

  /** Applies an edit and keeps the previous state in the view's history. */
  async function update(actor: Actor, id: string, edit: ViewEdit): Promise<View> {
    await withNameCheck(() =>
      db.transaction(async (tx) => {
        const current = await lockForChange(tx, actor, id, edit.version, edit.unlock)
        if (edit.scope === 'personal' && current.scope === 'team') {
          throw new ViewError('forbidden', 'A team view cannot become personal; duplicate it instead.')
        }
        const next = { ...current, ...edit.content }
        await keepVersion(tx, current)
        await tx.query(
          `UPDATE views SET name = $2, query = $3, columns = $4::jsonb, density = $5, scope = $6,
             widths = $10::jsonb, version = version + 1, updated_by = $7, updated_by_name = $8, updated_at = $9
           WHERE id = $1`,
          [
            id,
            next.name,
            next.query,
            json(next.columns),
            next.density,
            edit.scope ?? current.scope,
            actor.userId,
            actor.userName,
            at(),
            json(next.widths),
          ],
        )
      }),
    )
    return get(actor, id)
  }

  /** A new view with another's content; personal unless asked otherwise, whatever the original's scope. */
  async function duplicate(actor: Actor, id: string, name: string | undefined, scope: ViewScope = 'personal') {
    const original = await get(actor, id)
    const { query, columns, widths, density } = original
    return create(actor, { name: name ?? copyName(original.name), query, columns, widths, density }, scope)
  }

  /** Moves a view to the trash, from which it can be restored for a while. */
  async function remove(actor: Actor, id: string, version: number, unlock = false): Promise<void> {
    await db.transaction(async (tx) => {
      await lockForChange(tx, actor, id, version, unlock)
      await tx.query('UPDATE views SET deleted_at = $2, deleted_by = $3 WHERE id = $1', [id, at(), actor.userId])
      await tx.query(
        // Still in the trash when deleted: a view restored meanwhile stays.
        `DELETE FROM views WHERE deleted_at IS NOT NULL AND id IN (
           SELECT id FROM views WHERE company_id = $1 AND deleted_at IS NOT NULL
           ORDER BY deleted_at DESC, id OFFSET $2)`,
        [actor.companyId, caps.trashedPerCompany],
      )
    })
  }

  /**
   * Refuses a view more when the actor's company has as many as it keeps, or
   * (for a personal view) the actor has as many personal ones. Holds the
   * company's lock for the transaction: two saves at once count one after
   * the other, on every app server of the database.
   */
  async function makeRoom(tx: Queryable, actor: Actor, scope: ViewScope): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [ROOM_LOCK, actor.companyId])
    const [row] = await tx.query<{ views: number; own: number }>(
      `SELECT count(*)::int AS views,
              count(*) FILTER (WHERE scope = 'personal' AND owner_id = $2)::int AS own
       FROM views WHERE company_id = $1 AND deleted_at IS NULL`,
      [actor.companyId, actor.userId],
    )
    if ((row?.views ?? 0) >= caps.viewsPerCompany) {
      throw new ViewError(
        'full',
        `Your team has ${caps.viewsPerCompany} saved views, everyone's personal ones included, as many as are kept; delete one before saving another.`,
      )
    }
    if (scope === 'personal' && (row?.own ?? 0) >= caps.personalPerOwner) {
      throw new ViewError(
        'full',
        `You have ${caps.personalPerOwner} personal views, as many as are kept; delete one before saving another.`,
      )
    }
  }

  /** Writes the view's state before a change into its history, which keeps the latest `versionsPerView`. */
  async function keepVersion(tx: Queryable, view: View): Promise<void> {
    await tx.query(
      `INSERT INTO view_versions (view_id, version, scope, name, query, columns, density, widths,
         updated_by, updated_by_name, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8::jsonb, $9, $10, $11)`,
      [
        view.id,
        view.version,
        view.scope,
        view.name,
        view.query,
        json(view.columns),
        view.density,
        json(view.widths),
        view.updatedBy.id,
        view.updatedBy.name,
        view.updatedAt,
      ],
    )
    await tx.query('DELETE FROM view_versions WHERE view_id = $1 AND version <= $2', [
      view.id,
      view.version - caps.versionsPerView,
    ])
  }

  /**
   * The view, locked for this transaction, if the actor may change it at
   * `version`: a personal view only by its owner, a team view only unlocked.
   */
  async function lockForChange(
    tx: Queryable,
    actor: Actor,
    id: string,
    version: number,
    unlock = false,
  ): Promise<View> {
    const [row] = await tx.query<ViewRow>(
      `SELECT ${VIEW_SELECT} WHERE ${VISIBLE} AND v.deleted_at IS NULL AND v.id = $3 FOR UPDATE OF v`,
      [actor.userId, actor.companyId, id],
    )
    if (!row) throw new ViewError('not-found', 'This view does not exist or was deleted.')
    const view = toView(row)
    if (view.version !== version) {
      throw new ViewError('stale', `This view was changed by ${view.updatedBy.name} since you opened it.`, view)
    }
    if (view.scope === 'team' && !unlock) {
      throw new ViewError('locked', 'Team views are locked: unlock this view to change it.')
    }
    return view
  }

  return { list, get, create, update, duplicate, remove, lockForChange, makeRoom, keepVersion }
}

export type ViewsRepository = ReturnType<typeof createViewsRepository>

/** Turns the unique-name index's refusal into the API's conflict. */
export async function withNameCheck<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write()
  } catch (error) {
    if (isUniqueViolation(error)) throw new ViewError('name-taken', 'A view with this name already exists here.')
    throw error
  }
}

/** "Heating (copy)", kept within the 80-character limit. */
export function copyName(name: string): string {
  const suffix = ' (copy)'
  return `${name.slice(0, 80 - suffix.length)}${suffix}`
}

export function json(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value)
}
