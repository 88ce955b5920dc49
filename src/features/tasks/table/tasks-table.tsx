import { useTable } from '@tanstack/react-table'
import { useMemo, type MouseEvent, type Ref } from 'react'
import { toColumnVisibility, type ColumnPrefs } from './column-prefs.ts'
import { handleRowKeys, type RowEdge } from './row-keyboard.ts'
import type { Task } from '../api/schemas.ts'
import type { BoardSort } from '../url-state/board-state.ts'
import { taskColumns, taskTableFeatures } from './columns.tsx'
import { ariaSortOf, nextSort, SORT_FIELD_OF_COLUMN } from './sorting.ts'

const getRowId = (task: Task) => task._id

export interface TasksTableProps {
  tasks: Task[]
  /** A newer view is loading: the rows shown belong to the previous one. */
  busy: boolean
  /** Sorting comes from the board; the table owns no sort state. */
  sort: BoardSort
  onSortChange: (sort: BoardSort) => void
  /** First load: placeholder rows in the table's own shape, so nothing jumps when rows arrive. */
  skeletonRows?: number
  /** Keyboard focus moved past the first or last row. */
  onRowEdge?: (edge: RowEdge) => void
  /** The table body, for the board to move focus into after a page turn. */
  bodyRef?: Ref<HTMLTableSectionElement>
  /** Which optional columns show, and how tightly rows are set. */
  prefs: ColumnPrefs
}

export function TasksTable({
  tasks,
  busy,
  sort,
  onSortChange,
  skeletonRows = 0,
  onRowEdge = () => {},
  bodyRef,
  prefs,
}: TasksTableProps) {
  const columnVisibility = useMemo(() => toColumnVisibility(prefs), [prefs])
  const table = useTable({
    features: taskTableFeatures,
    columns: taskColumns,
    data: tasks,
    getRowId,
    state: { columnVisibility },
  })
  return (
    <div className="table-wrap" data-busy={busy}>
      <table className={`tasks-table tasks-table--${prefs.density}`} aria-busy={busy}>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const field = SORT_FIELD_OF_COLUMN[header.column.id]
                const content = header.isPlaceholder ? null : <table.FlexRender header={header} />
                return (
                  <th
                    key={header.id}
                    scope="col"
                    className={`col-${header.column.id}`}
                    aria-sort={field ? ariaSortOf(sort, field) : undefined}
                  >
                    {field ? (
                      <button type="button" className="sort-button" onClick={() => onSortChange(nextSort(sort, field))}>
                        {content}
                        <SortIndicator direction={ariaSortOf(sort, field)} />
                      </button>
                    ) : (
                      content
                    )}
                  </th>
                )
              })}
            </tr>
          ))}
        </thead>
        {/* A click anywhere on a row follows its title link; the link itself is the keyboard path. */}
        {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions */}
        <tbody ref={bodyRef} onClick={followRowLink} onKeyDown={(event) => handleRowKeys(event, onRowEdge)}>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} data-testid="task-row">
              {row.getVisibleCells().map((cell) => (
                <td key={cell.id} className={`col-${cell.column.id}`}>
                  <table.FlexRender cell={cell} />
                </td>
              ))}
            </tr>
          ))}
          {tasks.length === 0 &&
            Array.from({ length: skeletonRows }, (_, index) => (
              <tr key={`skeleton-${index}`} className="skeleton-row" aria-hidden="true">
                {table.getVisibleLeafColumns().map((column) => (
                  <td key={column.id} className={`col-${column.id}`}>
                    <span className="skeleton" />
                  </td>
                ))}
              </tr>
            ))}
        </tbody>
      </table>
    </div>
  )
}

function followRowLink(event: MouseEvent<HTMLTableSectionElement>) {
  const target = event.target as HTMLElement
  if (target.closest('a, button, input, select, textarea')) return
  if (window.getSelection()?.toString()) return
  target.closest('tr')?.querySelector<HTMLAnchorElement>('a[data-task-link]')?.click()
}

function SortIndicator({ direction }: { direction: 'ascending' | 'descending' | 'none' }) {
  const glyph = direction === 'ascending' ? '↑' : direction === 'descending' ? '↓' : '↕'
  return (
    <span className={`sort-indicator sort-indicator--${direction}`} aria-hidden="true">
      {glyph}
    </span>
  )
}
