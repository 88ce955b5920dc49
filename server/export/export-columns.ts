import type { Messages } from '../../src/shared/i18n/en.ts'
import type { Task, TaskType } from '../../src/shared/tasks/api/schemas.ts'
import { isUnreadable, type Unreadable } from '../../src/shared/tasks/api/unreadable.ts'
import { priorityInfo, statusInfo } from '../../src/shared/tasks/catalog.ts'
import { formatIdentifier, templateName } from '../../src/shared/tasks/task-text.ts'

/** The board's columns by their id, as its table and its words name them. */
export type ColumnId = keyof Messages['columns']

/**
 * A cell as the file holds it: text, or a moment (epoch ms) that the file
 * writes as a date in the dispatcher's zone, or nothing. A value the board
 * could not read comes out as the board's word for it, never as empty.
 */
export type ExportCell = { text: string } | { moment: number } | null

interface Lookups {
  t: Messages
  types: ReadonlyMap<string, TaskType>
}

type Value = string | number | Unreadable | null

/**
 * Each of the board's columns as an export writes it: what the table shows,
 * in the board's words, and nothing the table does not show. Every column
 * of the board is here, or this does not compile.
 */
export const EXPORT_COLUMNS: Record<ColumnId, (task: Task, lookups: Lookups) => ExportCell> = {
  identifier: (task, { t, types }) => text(formatIdentifier(task, typeOf(task, types)?.prefix), t),
  title: (task, { t }) => text(task.title, t),
  taskStatus: (task, { t }) =>
    text(
      readable(task.taskStatus, (status) => statusInfo(status, t).label),
      t,
    ),
  assignee: (task, { t }) =>
    task.assignee === null
      ? text(t.cells.unassigned, t)
      : text(
          readable(task.assignee, (entity) => entity.name),
          t,
        ),
  priority: (task, { t }) =>
    text(
      readable(task.priority, (priority) => priorityInfo(priority, t)?.label ?? null),
      t,
    ),
  dueDate: (task) => moment(task.dueDate),
  tags: (task, { t }) => list(task.tags, (tag) => tag, t),
  createdAt: (task) => moment(task.status.createdAt),
  updatedAt: (task) => moment(task.status.lastModifiedAt),
  type: (task, { t, types }) => text(typeOf(task, types)?.name ?? null, t),
  customer: (task, { t }) => list(task.related.customers, (entity) => entity.name, t),
  object: (task, { t }) => list(task.related.objects, (entity) => entity.name, t),
  contactPerson: (task, { t }) => text(task.contactPerson, t),
  email: (task, { t }) => text(task.email, t),
  telephone: (task, { t }) => text(task.telephone, t),
  template: (task, { t }) => text(templateName(task), t),
}

export const COLUMN_IDS = Object.keys(EXPORT_COLUMNS) as ColumnId[]

export function isColumnId(value: string): value is ColumnId {
  return Object.hasOwn(EXPORT_COLUMNS, value)
}

/** The row of a task: its cells in the columns' order. */
export function exportRow(task: Task, columns: readonly ColumnId[], lookups: Lookups): ExportCell[] {
  return columns.map((column) => EXPORT_COLUMNS[column](task, lookups))
}

function typeOf(task: Task, types: ReadonlyMap<string, TaskType>): TaskType | undefined {
  const id = task.taskTypeId
  return typeof id === 'string' ? types.get(id) : undefined
}

function readable<T>(value: T | Unreadable | null, show: (value: T) => Value): Value {
  if (value === null) return null
  return isUnreadable(value) ? value : show(value)
}

function text(value: Value, t: Messages): ExportCell {
  if (value === null || value === '') return null
  if (isUnreadable(value)) return { text: t.unreadable.label }
  return { text: String(value) }
}

function moment(value: number | null): ExportCell {
  return value === null ? null : { moment: value }
}

/** Items joined by commas, each unreadable one as the board's word for it; none is nothing. */
function list<T>(
  items: readonly (T | Unreadable)[],
  name: (item: T) => string | Unreadable | null,
  t: Messages,
): ExportCell {
  if (items.length === 0) return null
  const shown = items.map((item) => {
    const text = isUnreadable(item) ? item : name(item)
    return text === null ? '' : isUnreadable(text) ? t.unreadable.label : text
  })
  return { text: shown.join(', ') }
}
