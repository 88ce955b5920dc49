import type { ReactTable } from '@tanstack/react-table'
import { intentProps } from '../../../components/ui/intent-props.ts'
import { ViewLink } from '../../../components/ui/view-link.tsx'
import type { Task } from '../../../shared/tasks/api/schemas.ts'
import type { BoardSort } from '../../../shared/tasks/url-state/board-state.ts'
import { ColumnResizeHandle } from './column-resize-handle.tsx'
import type { ColumnId, taskTableFeatures } from './columns.tsx'
import { ariaSortOf, nextSort } from './sorting.ts'

/**
 * The header row: each column's name, a sort link where the column's meta
 * names a sort field (to the view sorted so, changed in place once the
 * scripts run), and a resize handle where the column has a width.
 */
export function TableHead({
  table,
  sort,
  sortHref,
  onSortChange,
  onSortIntent,
  widths,
  onResize,
}: {
  table: ReactTable<typeof taskTableFeatures, Task>
  sort: BoardSort
  /** The address of the board sorted so. */
  sortHref: (sort: BoardSort) => string
  onSortChange: (sort: BoardSort) => void
  /** The pointer or focus rests on a sort button (the sort its click would give), or left it (null). */
  onSortIntent?: (sort: BoardSort | null) => void
  /** Each column's width now, in rem; none for the flexible one. */
  widths: ReadonlyMap<string, number | undefined>
  onResize?: (column: ColumnId, widthRem: number) => void
}) {
  return (
    <thead>
      {table.getHeaderGroups().map((group) => (
        <tr key={group.id} aria-rowindex={1}>
          {group.headers.map((header) => {
            const meta = header.column.columnDef.meta
            const field = meta?.sortField
            const width = widths.get(header.column.id)
            const content = header.isPlaceholder ? null : <table.FlexRender header={header} />
            return (
              <th
                key={header.id}
                scope="col"
                className={`col-${header.column.id}`}
                aria-sort={field ? ariaSortOf(sort, field) : undefined}
              >
                {field ? (
                  <ViewLink
                    className="sort-button"
                    href={sortHref(nextSort(sort, field))}
                    onActivate={() => onSortChange(nextSort(sort, field))}
                    {...(onSortIntent &&
                      intentProps((resting) => onSortIntent(resting ? nextSort(sort, field) : null)))}
                  >
                    {content}
                    <SortIndicator direction={ariaSortOf(sort, field)} />
                  </ViewLink>
                ) : (
                  content
                )}
                {meta && width !== undefined && onResize && (
                  <ColumnResizeHandle
                    // Column ids are ColumnIds: the column helper takes nothing else.
                    column={header.column.id as ColumnId}
                    meta={meta}
                    widthRem={width}
                    onResize={onResize}
                  />
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
