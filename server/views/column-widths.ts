// The board's own column sizes, not a copy: a width the board lets a person choose is one a view may keep.
import { COLUMN_SIZES, MAX_WIDTH_REM } from '../../src/shared/tasks/column-sizes.ts'

/** The narrowest each resizable column may be made, in rem (its `minRem`, else its default width). */
export const COLUMN_MIN_REM: Readonly<Record<string, number>> = Object.fromEntries(
  Object.entries(COLUMN_SIZES).map(([id, size]) => [id, size.minRem ?? size.widthRem]),
)

/** The widest a person may make a column, as the board's resize allows. */
export const MAX_COLUMN_WIDTH_REM = MAX_WIDTH_REM

export function isResizableColumn(id: string): boolean {
  return Object.hasOwn(COLUMN_MIN_REM, id)
}
