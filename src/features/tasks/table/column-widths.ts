/**
 * Column widths, in rem. The table lays out from these (`table-layout: fixed`)
 * rather than from its content, because only the rows in view are rendered:
 * widths taken from content would shift as rows scroll in and out. The title
 * has no width of its own and takes whatever is left, at least TITLE_MIN_REM.
 */
export const COLUMN_WIDTH_REM: Readonly<Record<string, number>> = {
  identifier: 8,
  taskStatus: 8,
  assignee: 11,
  priority: 7,
  dueDate: 11,
  tags: 11,
  createdAt: 7.5,
  updatedAt: 7.5,
  type: 9,
  customer: 12,
  object: 12,
  contactPerson: 11,
  email: 14,
  telephone: 10,
  template: 11,
}

const TITLE_MIN_REM = 13

/** The narrowest the table may get before it scrolls sideways inside its frame. */
export function tableMinWidthRem(columnIds: readonly string[]): number {
  return columnIds.reduce((sum, id) => sum + (COLUMN_WIDTH_REM[id] ?? TITLE_MIN_REM), 0)
}
