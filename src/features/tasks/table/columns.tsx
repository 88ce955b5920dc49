import { createColumnHelper, tableFeatures } from '@tanstack/react-table'
import type { Task } from '../api/schemas.ts'
import { AssigneeCell } from './cells/assignee-cell.tsx'
import { DateCell } from './cells/date-cell.tsx'
import { DueCell } from './cells/due-cell.tsx'
import { IdentifierCell } from './cells/identifier-cell.tsx'
import { PriorityCell } from './cells/priority-cell.tsx'
import { StatusCell } from './cells/status-cell.tsx'
import { TagsCell } from './cells/tags-cell.tsx'
import { TitleCell } from './cells/title-cell.tsx'

export const taskTableFeatures = tableFeatures({})

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
])
