import { columnVisibilityFeature, createColumnHelper, tableFeatures } from '@tanstack/react-table'
import type { RelatedEntity, Task } from '../api/schemas.ts'
import { ContactLink, TextCell, TypeNameCell } from './cells/text-cells.tsx'
import { AssigneeCell } from './cells/assignee-cell.tsx'
import { DateCell } from './cells/date-cell.tsx'
import { DueCell } from './cells/due-cell.tsx'
import { IdentifierCell } from './cells/identifier-cell.tsx'
import { PriorityCell } from './cells/priority-cell.tsx'
import { StatusCell } from './cells/status-cell.tsx'
import { TagsCell } from './cells/tags-cell.tsx'
import { TitleCell } from './cells/title-cell.tsx'

export const taskTableFeatures = tableFeatures({ columnVisibilityFeature })

const column = createColumnHelper<typeof taskTableFeatures, Task>()

export const taskColumns = column.columns([
  column.display({
    id: 'identifier',
    header: 'Task',
    cell: ({ row }) => <IdentifierCell task={row.original} />,
  }),
  column.accessor('title', {
    header: 'Title',
    cell: ({ row }) => <TitleCell task={row.original} />,
  }),
  column.accessor('taskStatus', {
    header: 'Status',
    cell: ({ getValue }) => <StatusCell status={getValue()} />,
  }),
  column.accessor('assignee', {
    header: 'Assignee',
    cell: ({ getValue }) => <AssigneeCell assignee={getValue()} />,
  }),
  column.accessor('priority', {
    header: 'Priority',
    cell: ({ getValue }) => <PriorityCell priority={getValue()} />,
  }),
  column.accessor('dueDate', {
    header: 'Due',
    cell: ({ row }) => <DueCell task={row.original} now={Date.now()} />,
  }),
  column.accessor('tags', {
    header: 'Tags',
    cell: ({ getValue }) => <TagsCell tags={getValue()} />,
  }),
  column.accessor((task) => task.status.createdAt, {
    id: 'createdAt',
    header: 'Created',
    cell: ({ getValue }) => <DateCell value={getValue()} now={Date.now()} />,
  }),
  // Optional columns, hidden until chosen in the column menu.
  column.accessor((task) => task.status.lastModifiedAt, {
    id: 'updatedAt',
    header: 'Updated',
    cell: ({ getValue }) => <DateCell value={getValue()} now={Date.now()} />,
  }),
  column.display({
    id: 'type',
    header: 'Type',
    cell: ({ row }) => <TypeNameCell typeId={row.original.taskTypeId} />,
  }),
  column.accessor((task) => relatedNames(task.related.customers), {
    id: 'customer',
    header: 'Customer',
    cell: ({ getValue }) => <TextCell text={getValue()} />,
  }),
  column.accessor((task) => relatedNames(task.related.objects), {
    id: 'object',
    header: 'Object',
    cell: ({ getValue }) => <TextCell text={getValue()} />,
  }),
  column.accessor('contactPerson', {
    header: 'Contact person',
    cell: ({ getValue }) => <TextCell text={getValue()} />,
  }),
  column.accessor('email', {
    header: 'Email',
    cell: ({ getValue }) => <ContactLink kind="mailto" value={getValue()} />,
  }),
  column.accessor('telephone', {
    header: 'Telephone',
    cell: ({ getValue }) => <ContactLink kind="tel" value={getValue()} />,
  }),
  column.accessor((task) => task.taskTemplate?.templateName ?? null, {
    id: 'template',
    header: 'Recurring template',
    cell: ({ getValue }) => <TextCell text={getValue()} />,
  }),
])

function relatedNames(entities: readonly RelatedEntity[]): string | null {
  return entities.map((entity) => entity.name ?? entity.entityId).join(', ') || null
}
