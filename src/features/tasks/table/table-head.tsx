import type { ReactTable } from '@tanstack/react-table'
import type { Task } from '../api/schemas.ts'
import type { BoardSort } from '../url-state/board-state.ts'
import type { taskTableFeatures } from './columns.tsx'
import { ariaSortOf, nextSort } from './sorting.ts'

/** The header row: each column's name, and a sort button where the column's meta names a sort field. */
export function TableHead({
  table,
  sort,
  onSortChange,
}: {
  table: ReactTable<typeof taskTableFeatures, Task>
  sort: BoardSort
  onSortChange: (sort: BoardSort) => void
}) {
  return (
    <thead>
      {table.getHeaderGroups().map((group) => (
        <tr key={group.id} aria-rowindex={1}>
          {group.headers.map((header) => {
            const field = header.column.columnDef.meta?.sortField
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
  )
}

function SortIndicator({ direction }: { direction: 'ascending' | 'descending' | 'none' }) {
  const glyph = direction === 'ascending' ? '↑' : direction === 'descending' ? '↓' : '↕'
  return (
    <span className={`sort-indicator sort-indicator--${direction}`} aria-hidden="true">
      {glyph}
    </span>
  )
}
