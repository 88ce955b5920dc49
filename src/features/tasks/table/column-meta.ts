import type { TaskSortField } from '../../../shared/tasks/api/list-query.ts'
import { MAX_WIDTH_REM } from '../../../shared/tasks/column-sizes.ts'

/**
 * What the table needs to know about a column beside how it renders, kept in
 * the column's own definition (TanStack Table's column `meta`): widths, the
 * sortable headers, the column menu and the table's minimum width derive from it.
 */
export interface TaskColumnMeta {
  /**
   * Width in rem until a person resizes the column. The table lays out from
   * these (`table-layout: fixed`) rather than from its content, because only
   * the rows in view are rendered: widths taken from content would shift as
   * rows scroll in and out. Without one the column takes whatever is left
   * (the title) and cannot be resized. From `column-sizes.ts`.
   */
  widthRem?: number
  /** The narrowest a person may make the column; its default width when not given. */
  minRem?: number
  /** The API field a click on the header sorts by; without one the column does not sort. */
  sortField?: TaskSortField
  /** Hidden until chosen in the column menu. */
  optional?: boolean
  /** Hidden by default in a narrow window (the column menu adds it back): the title needs the room more. */
  wideOnly?: boolean
}

/** The least a column without a width of its own gets. */
export const FLEXIBLE_MIN_REM = 10

/** A column's width now: the person's choice within its bounds, else its default. */
export function columnWidthRem(meta: TaskColumnMeta | undefined, chosen: number | undefined): number | undefined {
  if (meta?.widthRem === undefined) return undefined
  if (chosen === undefined) return meta.widthRem
  return clampWidthRem(meta, chosen)
}

export function clampWidthRem(meta: TaskColumnMeta, rem: number): number {
  const min = meta.minRem ?? meta.widthRem ?? FLEXIBLE_MIN_REM
  return Math.min(MAX_WIDTH_REM, Math.max(min, Math.round(rem * 4) / 4))
}

/** The narrowest the table may get before it scrolls sideways inside its frame. */
export function tableMinWidthRem(widths: readonly (number | undefined)[]): number {
  return widths.reduce<number>((sum, width) => sum + (width ?? FLEXIBLE_MIN_REM), 0)
}

/** The `<col>` style for a column: its width, or none for the flexible one. */
export function columnWidthStyle(widthRem: number | undefined): { width: string } | undefined {
  return widthRem === undefined ? undefined : { width: `${widthRem}rem` }
}
