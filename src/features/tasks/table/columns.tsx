import { columnVisibilityFeature, createColumnHelper, tableFeatures } from '@tanstack/react-table'
import type { RelatedEntity, Task } from '../api/schemas.ts'
import { ContactLink, HeaderText, TextCell, TypeNameCell } from './cells/text-cells.tsx'
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
    header: () => <HeaderText column="identifier" />,
    cell: ({ row }) => <IdentifierCell task={row.original} />,
  }),
  column.accessor('title', {
    header: () => <HeaderText column="title" />,
    cell: ({ row }) => <TitleCell task={row.original} />,
  }),
  column.accessor('taskStatus', {
    header: () => <HeaderText column="taskStatus" />,
    cell: ({ getValue }) => <StatusCell status={getValue()} />,
  }),
  column.accessor('assignee', {
    header: () => <HeaderText column="assignee" />,
    cell: ({ getValue }) => <AssigneeCell assignee={getValue()} />,
  }),
  column.accessor('priority', {
    header: () => <HeaderText column="priority" />,
    cell: ({ getValue }) => <PriorityCell priority={getValue()} />,
  }),
  column.accessor('dueDate', {
    header: () => <HeaderText column="dueDate" />,
    cell: ({ row }) => <DueCell task={row.original} />,
  }),
  column.accessor('tags', {
    header: () => <HeaderText column="tags" />,
    cell: ({ getValue }) => <TagsCell tags={getValue()} />,
  }),
  column.accessor((task) => task.status.createdAt, {
    id: 'createdAt',
    header: () => <HeaderText column="createdAt" />,
    cell: ({ getValue }) => <DateCell value={getValue()} />,
  }),
  // Optional columns, hidden until chosen in the column menu.
  column.accessor((task) => task.status.lastModifiedAt, {
    id: 'updatedAt',
    header: () => <HeaderText column="updatedAt" />,
    cell: ({ getValue }) => <DateCell value={getValue()} />,
  }),
  column.display({
    id: 'type',
    header: () => <HeaderText column="type" />,
    cell: ({ row }) => <TypeNameCell typeId={row.original.taskTypeId} />,
  }),
  column.accessor((task) => relatedNames(task.related.customers), {
    id: 'customer',
    header: () => <HeaderText column="customer" />,
    cell: ({ getValue }) => <TextCell text={getValue()} />,
  }),
  column.accessor((task) => relatedNames(task.related.objects), {
    id: 'object',
    header: () => <HeaderText column="object" />,
    cell: ({ getValue }) => <TextCell text={getValue()} />,
  }),
  column.accessor('contactPerson', {
    header: () => <HeaderText column="contactPerson" />,
    cell: ({ getValue }) => <TextCell text={getValue()} />,
  }),
  column.accessor('email', {
    header: () => <HeaderText column="email" />,
    cell: ({ getValue }) => <ContactLink kind="mailto" value={getValue()} />,
  }),
  column.accessor('telephone', {
    header: () => <HeaderText column="telephone" />,
    cell: ({ getValue }) => <ContactLink kind="tel" value={getValue()} />,
  }),
  column.accessor((task) => task.taskTemplate?.templateName ?? null, {
    id: 'template',
    header: () => <HeaderText column="template" />,
    cell: ({ getValue }) => <TextCell text={getValue()} />,
  }),
])

function relatedNames(entities: readonly RelatedEntity[]): string | null {
  return entities.map((entity) => entity.name ?? entity.entityId).join(', ') || null
}
