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
  /** Picked for a change on many tasks. */
  selected?: boolean
}

// Scrolling re-renders the table on every frame; unchanged rows skip their cells.
export const TaskRow = memo(
  function TaskRow({ row, index, selected = false }: TaskRowProps) {
    return (
      <tr
        data-index={index}
        aria-rowindex={index + 2}
        data-testid="task-row"
        aria-selected={selected || undefined}
        className={selected ? 'is-selected' : undefined}
      >
        {row.getVisibleCells().map((cell) => (
          <td key={cell.id} className={`col-${cell.column.id}`}>
            <FlexRender cell={cell} />
          </td>
        ))}
      </tr>
    )
  },
  (before, after) =>
    before.task === after.task &&
    before.index === after.index &&
    before.columnsKey === after.columnsKey &&
    before.selected === after.selected,
)

export function SpacerRow({ height, columns }: { height: number; columns: number }) {
  return (
    <tr className="spacer-row" aria-hidden="true">
      <td colSpan={columns} style={{ height }} />
    </tr>
  )
}

/**
 * A click anywhere on a row follows its title link; the link itself is the
 * keyboard path. A shift-click (on the link too) picks the rows up to it instead.
 */
export function followRowLink(event: MouseEvent<HTMLTableSectionElement>, onPick?: (index: number) => void) {
  const target = event.target as HTMLElement
  const row = target.closest<HTMLElement>('tr[data-index]')
  if (event.shiftKey && onPick && row) {
    event.preventDefault()
    document.getSelection()?.removeAllRanges()
    onPick(Number(row.dataset.index))
    return
  }
  if (target.closest('a, button, input, select, textarea')) return
  if (document.getSelection()?.toString()) return
  target.closest('tr')?.querySelector<HTMLAnchorElement>('a[data-task-link]')?.click()
}
