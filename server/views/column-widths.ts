/*
 * The board's resizable columns and the narrowest each may be made, in rem,
 * as the table's column definitions declare them (`minRem`, else the
 * default `widthRem`). The server cannot read the client's definitions
 * (server/ and src/ stay apart), so this list repeats them: a column the
 * board makes resizable must be added here too, or a view saving its width
 * is refused.
 */
export const COLUMN_MIN_REM: Readonly<Record<string, number>> = {
  identifier: 5,
  taskStatus: 6,
  assignee: 6,
  priority: 5,
  dueDate: 12.5,
  tags: 5,
  createdAt: 5,
  updatedAt: 7.5,
  type: 9,
  customer: 12,
  object: 12,
  contactPerson: 11,
  email: 14,
  telephone: 10,
  template: 11,
}

/** The widest a person may make a column, as the board's resize allows. */
export const MAX_COLUMN_WIDTH_REM = 40

export function isResizableColumn(id: string): boolean {
  return Object.hasOwn(COLUMN_MIN_REM, id)
}
