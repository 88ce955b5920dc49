import { columnVisibilityFeature, createColumnHelper, metaHelper, tableFeatures } from '@tanstack/react-table'
import type { Messages } from '../../../shared/i18n/en.ts'
import type { Task } from '../../../shared/tasks/api/schemas.ts'
import { AssigneeName } from '../presenters/assignee-name.tsx'
import { TagList } from '../presenters/tag-list.tsx'
import { RelatedNames } from '../presenters/related-names.tsx'
import { templateName } from '../../../shared/tasks/task-text.ts'
import { DateCell } from './cells/date-cell.tsx'
import { DueCell } from './cells/due-cell.tsx'
import { IdentifierCell } from './cells/identifier-cell.tsx'
import { PriorityCell } from './cells/priority-cell.tsx'
import { StatusCell } from './cells/status-cell.tsx'
import { ContactLink, HeaderText, TextCell, TypeNameCell } from './cells/text-cells.tsx'
import { TitleCell } from './cells/title-cell.tsx'
import type { TaskColumnMeta } from './column-meta.ts'
import { COLUMN_SIZES } from '../../../shared/tasks/column-sizes.ts'

export const taskTableFeatures = tableFeatures({ columnVisibilityFeature, columnMeta: metaHelper<TaskColumnMeta>() })

const column = createColumnHelper<typeof taskTableFeatures, Task>()

/** How many tags fit beside the other columns; the rest are counted. */
const SHOWN_TAGS = 1

/** A column's id (a catalogue column name, so an id that does not exist cannot compile), header and meta. */
function identified(id: ColumnId, meta: Omit<TaskColumnMeta, 'widthRem' | 'minRem'>) {
  return { id, meta: { ...COLUMN_SIZES[id], ...meta }, header: () => <HeaderText column={id} /> }
}

export type ColumnId = keyof Messages['columns']

/** The column set, in display order: one definition per column, its meta beside its cell. */
export const taskColumns = column.columns([
  column.display({
    ...identified('identifier', { sortField: 'identifierNumber' }),
    cell: ({ row }) => <IdentifierCell task={row.original} />,
  }),
  column.accessor('title', {
    ...identified('title', { sortField: 'title' }),
    cell: ({ row }) => <TitleCell task={row.original} />,
  }),
  column.accessor('taskStatus', {
    ...identified('taskStatus', { sortField: 'taskStatus' }),
    cell: ({ getValue }) => <StatusCell status={getValue()} />,
  }),
  column.accessor('assignee', {
    ...identified('assignee', { sortField: 'assignee.name' }),
    cell: ({ getValue }) => <AssigneeName assignee={getValue()} />,
  }),
  column.accessor('priority', {
    ...identified('priority', { sortField: 'priority' }),
    cell: ({ getValue }) => <PriorityCell priority={getValue()} />,
  }),
  column.accessor('dueDate', {
    ...identified('dueDate', { sortField: 'dueDate' }),
    cell: ({ row }) => <DueCell task={row.original} />,
  }),
  column.accessor('tags', {
    ...identified('tags', { wideOnly: true }),
    cell: ({ getValue }) => <TagList tags={getValue()} shown={SHOWN_TAGS} />,
  }),
  column.accessor((task) => task.status.createdAt, {
    ...identified('createdAt', { sortField: 'status.createdAt', wideOnly: true }),
    cell: ({ getValue }) => <DateCell value={getValue()} />,
  }),
  column.accessor((task) => task.status.lastModifiedAt, {
    ...identified('updatedAt', { sortField: 'status.lastModifiedAt', optional: true }),
    cell: ({ getValue }) => <DateCell value={getValue()} />,
  }),
  column.display({
    ...identified('type', { optional: true }),
    cell: ({ row }) => <TypeNameCell typeId={row.original.taskTypeId} />,
  }),
  column.accessor((task) => task.related.customers, {
    ...identified('customer', { optional: true }),
    cell: ({ getValue }) => <RelatedNames entities={getValue()} />,
  }),
  column.accessor((task) => task.related.objects, {
    ...identified('object', { optional: true }),
    cell: ({ getValue }) => <RelatedNames entities={getValue()} />,
  }),
  column.accessor('contactPerson', {
    ...identified('contactPerson', { optional: true }),
    cell: ({ getValue }) => <TextCell text={getValue()} />,
  }),
  column.accessor('email', {
    ...identified('email', { optional: true }),
    cell: ({ getValue }) => <ContactLink kind="mailto" value={getValue()} />,
  }),
  column.accessor('telephone', {
    ...identified('telephone', { optional: true }),
    cell: ({ getValue }) => <ContactLink kind="tel" value={getValue()} />,
  }),
  column.accessor(templateName, {
    ...identified('template', { optional: true }),
    cell: ({ getValue }) => <TextCell text={getValue()} />,
  }),
])

// Every id was given as a ColumnId by `identified`.
const idsWhere = (test: (meta: TaskColumnMeta) => boolean): readonly ColumnId[] =>
  taskColumns.flatMap((definition) => (definition.meta && test(definition.meta) ? [definition.id as ColumnId] : []))

/** Columns a dispatcher may add in the column menu; the others always show. */
export const OPTIONAL_COLUMNS = idsWhere((meta) => meta.optional === true)
/** Columns a narrow window leaves out until chosen in the column menu. */
export const WIDE_ONLY_COLUMNS = idsWhere((meta) => meta.wideOnly === true)
/** Columns a person can resize: every one with a width of its own. */
export const RESIZABLE_COLUMNS = idsWhere((meta) => meta.widthRem !== undefined)
/** Each column's meta by id. */
export const COLUMN_META = new Map<string, TaskColumnMeta>(
  taskColumns.map((definition) => [definition.id ?? '', definition.meta ?? {}]),
)
