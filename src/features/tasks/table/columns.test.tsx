import { expect, test } from 'vitest'
import { en } from '../../../shared/i18n/en.ts'
import { HeaderText } from './cells/text-cells.tsx'
import { tableMinWidthRem } from './column-meta.ts'
import { OPTIONAL_COLUMNS, RESIZABLE_COLUMNS, taskColumns, WIDE_ONLY_COLUMNS, type ColumnId } from './columns.tsx'

test('every column has a name in the catalogue and every name a column, in display order', () => {
  expect(taskColumns.map((column) => column.id)).toEqual(Object.keys(en.columns))
})

test('sortable columns and their API fields come from the column meta', () => {
  const sortable = Object.fromEntries(
    taskColumns.flatMap((column): [string, string][] =>
      column.meta?.sortField ? [[column.id ?? '', column.meta.sortField]] : [],
    ),
  )
  expect(sortable).toEqual({
    identifier: 'identifierNumber',
    title: 'title',
    taskStatus: 'taskStatus',
    assignee: 'assignee.name',
    priority: 'priority',
    dueDate: 'dueDate',
    createdAt: 'status.createdAt',
    updatedAt: 'status.lastModifiedAt',
  })
})

test('optional columns are the ones the column menu offers', () => {
  expect(OPTIONAL_COLUMNS).toEqual([
    'updatedAt',
    'type',
    'customer',
    'object',
    'contactPerson',
    'email',
    'telephone',
    'template',
  ])
})

test('only the title has no fixed width; the table is at least as wide as the columns shown', () => {
  expect(taskColumns.filter((column) => column.meta?.widthRem === undefined).map((column) => column.id)).toEqual([
    'title',
  ])
  const alwaysShown = taskColumns.filter((column) => !column.meta?.optional)
  // 7 + 8 + 10 + 6.75 + 12.5 + 8 + 7 rem of fixed columns, and 10 for the title.
  expect(tableMinWidthRem(alwaysShown.map((column) => column.meta?.widthRem))).toBe(69.25)
})

test('a narrow window leaves out the tags and the creation date first; every column but the title resizes', () => {
  expect(WIDE_ONLY_COLUMNS).toEqual(['tags', 'createdAt'])
  expect(RESIZABLE_COLUMNS).toEqual(taskColumns.map((column) => column.id).filter((id) => id !== 'title'))
})

test('a column id that does not exist does not compile', () => {
  // @ts-expect-error: 'nope' is not a column
  const unknown: ColumnId = 'nope'
  // @ts-expect-error: headers take column ids only
  const header = <HeaderText column="dueDat" />
  expect([unknown, header]).toHaveLength(2)
})
