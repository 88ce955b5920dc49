import type { Messages } from '../i18n/en.ts'

type ColumnName = keyof Messages['columns']

/**
 * Each column's width in rem until a person resizes it (`widthRem`), and the
 * narrowest they may make it (`minRem`; its width when not given). A column
 * without an entry takes the room that is left (the title) and is not
 * resizable. The column definitions read this, and so does the app server,
 * to check the widths saved with a view: one list for both.
 */
export const COLUMN_SIZES: Partial<Record<ColumnName, { widthRem: number; minRem?: number }>> = {
  identifier: { widthRem: 7, minRem: 5 },
  taskStatus: { widthRem: 8, minRem: 6 },
  assignee: { widthRem: 10, minRem: 6 },
  priority: { widthRem: 6.75, minRem: 5 },
  dueDate: { widthRem: 12.5 },
  tags: { widthRem: 8, minRem: 5 },
  createdAt: { widthRem: 7, minRem: 5 },
  updatedAt: { widthRem: 7.5 },
  type: { widthRem: 9 },
  customer: { widthRem: 12 },
  object: { widthRem: 12 },
  contactPerson: { widthRem: 11 },
  email: { widthRem: 14 },
  telephone: { widthRem: 10 },
  template: { widthRem: 11 },
}

/** The widest a person may make a column. */
export const MAX_WIDTH_REM = 40
