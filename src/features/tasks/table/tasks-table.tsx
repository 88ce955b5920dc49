import { useTable } from '@tanstack/react-table'
import type { Task } from '../api/schemas.ts'
import { taskColumns, taskTableFeatures } from './columns.tsx'

const getRowId = (task: Task) => task._id

export function TasksTable({ tasks, busy }: { tasks: Task[]; busy: boolean }) {
  const table = useTable({ features: taskTableFeatures, columns: taskColumns, data: tasks, getRowId })
  return (
    <div className="table-wrap" aria-busy={busy}>
      <table className="tasks-table">
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <th key={header.id} scope="col" className={`col-${header.column.id}`}>
                  {header.isPlaceholder ? null : <table.FlexRender header={header} />}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} data-testid="task-row">
              {row.getAllCells().map((cell) => (
                <td key={cell.id} className={`col-${cell.column.id}`}>
                  <table.FlexRender cell={cell} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
