import { FlexRender, type Row } from '@tanstack/react-table'
import { memo, type MouseEvent } from 'react'
import type { Task } from '../../../shared/tasks/api/schemas.ts'
import type { taskTableFeatures } from './columns.tsx'

interface TaskRowProps {
  row: Row<typeof taskTableFeatures, Task>
  /** The row's task: props change only with its task, place or columns (contexts such as the clock still reach cells). */
  task: Task
  index: number
  columnsKey: string
}

// Scrolling re-renders the table on every frame; unchanged rows skip their cells.
export const TaskRow = memo(
  function TaskRow({ row, index }: TaskRowProps) {
    return (
      <tr data-index={index} aria-rowindex={index + 2} data-testid="task-row">
        {row.getVisibleCells().map((cell) => (
          <td key={cell.id} className={`col-${cell.column.id}`}>
            <FlexRender cell={cell} />
          </td>
        ))}
      </tr>
    )
  },
  (before, after) =>
    before.task === after.task && before.index === after.index && before.columnsKey === after.columnsKey,
)

export function SpacerRow({ height, columns }: { height: number; columns: number }) {
  return (
    <tr className="spacer-row" aria-hidden="true">
      <td colSpan={columns} style={{ height }} />
    </tr>
  )
}

/** A click anywhere on a row follows its title link; the link itself is the keyboard path. */
export function followRowLink(event: MouseEvent<HTMLTableSectionElement>) {
  const target = event.target as HTMLElement
  if (target.closest('a, button, input, select, textarea')) return
  if (document.getSelection()?.toString()) return
  target.closest('tr')?.querySelector<HTMLAnchorElement>('a[data-task-link]')?.click()
}
