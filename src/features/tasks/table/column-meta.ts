import type { TaskSortField } from '../api/list-query.ts'

/**
 * What the table needs to know about a column beside how it renders, kept in
 * the column's own definition (TanStack Table's column `meta`): widths, the
 * sortable headers, the column menu and the table's minimum width derive from it.
 */
export interface TaskColumnMeta {
  /**
   * Width in rem. The table lays out from these (`table-layout: fixed`)
   * rather than from its content, because only the rows in view are
   * rendered: widths taken from content would shift as rows scroll in and
   * out. Without one the column takes whatever is left (the title).
   */
  widthRem?: number
  /** The API field a click on the header sorts by; without one the column does not sort. */
  sortField?: TaskSortField
  /** Hidden until chosen in the column menu. */
  optional?: boolean
}

/** The least a column without a width of its own gets. */
const FLEXIBLE_MIN_REM = 13

/** The narrowest the table may get before it scrolls sideways inside its frame. */
export function tableMinWidthRem(columns: readonly { meta?: TaskColumnMeta }[]): number {
  return columns.reduce((sum, { meta }) => sum + (meta?.widthRem ?? FLEXIBLE_MIN_REM), 0)
}

/** The `<col>` style for a column: its fixed width, or none for the flexible one. */
export function columnWidthStyle(meta: TaskColumnMeta | undefined): { width: string } | undefined {
  return meta?.widthRem === undefined ? undefined : { width: `${meta.widthRem}rem` }
}
