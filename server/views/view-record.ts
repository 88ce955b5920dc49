import { randomBytes } from 'node:crypto'

export type ViewScope = 'personal' | 'team'
export type Density = 'comfortable' | 'compact'
/** Column widths in rem by column id. */
export type ColumnWidths = Record<string, number>

/** A saved view as the board receives it. */
export interface View {
  id: string
  name: string
  /** The board's canonical query string, without `?` and never with `page`. */
  query: string
  columns: string[] | null
  widths: ColumnWidths | null
  density: Density | null
  scope: ViewScope
  ownerId: string
  /** Increases with every change; an update names the version it edits. */
  version: number
  createdBy: { id: string; name: string }
  createdAt: string
  updatedBy: { id: string; name: string }
  updatedAt: string
  /** Set for views in the trash. */
  deletedAt: string | null
}

/** Content of a view that a save sets. */
export interface ViewContent {
  name: string
  query: string
  columns: string[] | null
  widths: ColumnWidths | null
  density: Density | null
}

/** Deleted views stay restorable this long, then are purged. */
export const TRASH_DAYS = 30

/**
 * What the store keeps, so no client fills it: far above what a team
 * builds (a few dozen views, a few edits a day each), and each bound makes
 * an answer bounded too (the list of views, a view's history).
 */
export interface ViewCaps {
  /** Views of one company outside the trash, team and personal together; a save beyond is refused. */
  viewsPerCompany: number
  /** Personal views of one owner outside the trash, so no one person fills the company's room. */
  personalPerOwner: number
  /** Views in one company's trash; the longest there go for good first. */
  trashedPerCompany: number
  /** Earlier versions of one view; the oldest go first. */
  versionsPerView: number
}

export const VIEW_CAPS: ViewCaps = {
  viewsPerCompany: 500,
  personalPerOwner: 100,
  trashedPerCompany: 500,
  versionsPerView: 100,
}

export type ViewProblem = 'not-found' | 'stale' | 'name-taken' | 'locked' | 'forbidden' | 'full'

/** A refusal the API answers with a status of its own (404, 409, 423, 403). */
export class ViewError extends Error {
  readonly problem: ViewProblem
  /** The view as it is now, for a stale edit: the board offers to reload or save as new. */
  readonly current: View | undefined
  constructor(problem: ViewProblem, message: string, current?: View) {
    super(message)
    this.name = 'ViewError'
    this.problem = problem
    this.current = current
  }
}

export interface ViewRow {
  id: string
  company_id: string
  scope: ViewScope
  owner_id: string
  name: string
  query: string
  columns: string[] | null
  widths: ColumnWidths | null
  density: Density | null
  version: number
  created_by: string
  created_by_name: string
  created_at: Date | string
  updated_by: string
  updated_by_name: string
  updated_at: Date | string
  deleted_at: Date | string | null
}

/** `SELECT … FROM` for statements that answer views, with `v` for the view (`VISIBLE` refers to it). */
export const VIEW_SELECT = `v.* FROM views v`

/**
 * Rows the actor may see: their company's, and of those the team's and
 * their own personal ones. `$1` is the actor's id, `$2` their company.
 */
export const VISIBLE = `v.company_id = $2 AND (v.scope = 'team' OR v.owner_id = $1)`

export function toView(row: ViewRow): View {
  return {
    id: row.id,
    name: row.name,
    query: row.query,
    columns: row.columns,
    widths: row.widths,
    density: row.density,
    scope: row.scope,
    ownerId: row.owner_id,
    version: row.version,
    createdBy: { id: row.created_by, name: row.created_by_name },
    createdAt: toIso(row.created_at),
    updatedBy: { id: row.updated_by, name: row.updated_by_name },
    updatedAt: toIso(row.updated_at),
    deletedAt: row.deleted_at ? toIso(row.deleted_at) : null,
  }
}

export function toIso(value: Date | string): string {
  return (value instanceof Date ? value : new Date(value)).toISOString()
}

/** 12 URL-safe characters: short enough for `/v/<id>`, too many to guess. */
export function newViewId(): string {
  return randomBytes(9).toString('base64url')
}
