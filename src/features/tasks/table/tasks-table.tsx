import { useTable } from '@tanstack/react-table'
import { useNavigate } from 'react-router'
import {
  useCallback,
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
  type Ref,
} from 'react'
import { toColumnVisibility, type ColumnPrefs } from './column-prefs.ts'
import { columnWidthRem, columnWidthStyle, tableMinWidthRem } from './column-meta.ts'
import { NowContext, useMinuteClock } from './now-context.ts'
import { focusedRowIndex, focusedRowLink, focusRenderedRow, rowStep, type RowEdge } from './row-keyboard.ts'
import { editShortcut, isShortcut } from '../shortcuts.ts'
import type { Task } from '../../../shared/tasks/api/schemas.ts'
import type { BoardSort } from '../../../shared/tasks/url-state/board-state.ts'
import { taskColumns, taskTableFeatures, type ColumnId } from './columns.tsx'
import { useWindowWidth } from '../../../lib/window-width.ts'
import { TableHead } from './table-head.tsx'
import { useOverscan } from './use-overscan.ts'
import { useRowWindow } from './use-row-window.ts'
import { followRowLink, SpacerRow, TaskRow } from './task-row.tsx'

const getRowId = (task: Task) => task._id

/** Row heights the CSS sets, in px at the default font size; the first rendered row corrects them. */
const ROW_HEIGHT_PX = { comfortable: 45, compact: 33 } as const
/** Rows rendered beyond each edge of the frame, so a fast scroll or arrow key never meets a blank. */
const OVERSCAN = 6
/** The sticky header's height (the CSS `scroll-padding-top` of the frame), so a row scrolled to is not hidden under it. */
const HEADER_PX = 44

export interface TasksTableHandle {
  /**
   * Focuses the first or last row, or the first row in view (after the
   * frame was scrolled away from the row that had focus), scrolling it into
   * view; false when there is no row.
   */
  focusRow: (which: 'first' | 'last' | 'in-view') => boolean
}

export interface RowMenuRequest {
  index: number
  /** Where the row's link goes (its task over the board's view). */
  href: string
  /** The row's link: where the menu sits without a pointer, and where the focus returns. */
  link: HTMLAnchorElement
  at: { x: number; y: number } | null
}

export interface TasksTableProps {
  tasks: Task[]
  /** A newer view is loading: the rows shown belong to the previous one. */
  busy: boolean
  /** The first rows of a long page are shown, the rest is still being read. */
  reading?: boolean
  /** Sorting comes from the board; the table owns no sort state. */
  sort: BoardSort
  /** The address of the board sorted so: what a sort header links to. */
  sortHref: (sort: BoardSort) => string
  onSortChange: (sort: BoardSort) => void
  /** The pointer or focus rests on a sort button (the sort its click would give), or left it (null). */
  onSortIntent?: (sort: BoardSort | null) => void
  /** First load: placeholder rows in the table's own shape, so nothing jumps when rows arrive. */
  skeletonRows?: number
  /** Keyboard focus moved past the first or last row. */
  onRowEdge?: (edge: RowEdge) => void
  /** A different view: the frame scrolls back to its first row. */
  viewKey?: string
  /** Which optional columns show, how wide columns are and how tightly rows are set. */
  prefs: ColumnPrefs
  /** A column was resized (by pointer or keyboard) to this width in rem. */
  onResize?: (column: ColumnId, widthRem: number) => void
  /** The rows picked for a change on many tasks, by task id. */
  selected?: ReadonlySet<string>
  /** `x` on a row, or a shift-click (`range`: every row from the last one picked). */
  onPick?: (index: number, range: boolean) => void
  /** `m` on a row, or a right-click beside its link: the row's menu, at the pointer (or the row). */
  onRowMenu?: (row: RowMenuRequest) => void
  ref?: Ref<TasksTableHandle>
}

/**
 * The task table. Only the rows in and near the frame are in the DOM (a
 * 1,000-row page stays a few dozen `tr`s); spacer rows stand in for the rest,
 * and `aria-rowcount` / `aria-rowindex` tell assistive tech where it is.
 */
export function TasksTable({
  tasks,
  busy,
  reading = false,
  sort,
  sortHref,
  onSortChange,
  onSortIntent,
  skeletonRows = 0,
  onRowEdge = () => {},
  viewKey = '',
  prefs,
  onResize,
  selected,
  onPick,
  onRowMenu,
  ref,
}: TasksTableProps) {
  const windowWidth = useWindowWidth()
  const navigate = useNavigate()
  const columnVisibility = useMemo(() => toColumnVisibility(prefs, windowWidth !== 'wide'), [prefs, windowWidth])
  const table = useTable({
    features: taskTableFeatures,
    columns: taskColumns,
    data: tasks,
    getRowId,
    state: { columnVisibility },
  })
  const rows = table.getRowModel().rows
  const columns = table.getVisibleLeafColumns()
  const columnIds = columns.map((column) => column.id)
  const columnsKey = columnIds.join()
  const widths = new Map(
    columns.map((column) => [column.id, columnWidthRem(column.columnDef.meta, prefs.widths[column.id as ColumnId])]),
  )
  const now = useMinuteClock()

  const body = useRef<HTMLTableSectionElement>(null)
  // Every row has the same height (the CSS fixes it), so one measured row sizes them all: no per-row
  // measuring, which would force a layout for each row rendered.
  const [rowHeight, setRowHeight] = useState<number>(ROW_HEIGHT_PX[prefs.density])
  const overscan = useOverscan(viewKey, OVERSCAN)
  const rowWindow = useRowWindow<HTMLDivElement>({
    count: rows.length,
    rowHeight,
    headerHeight: HEADER_PX,
    overscan,
  })
  // Measured when rows first show and when the density changes; a new page has rows of the same height,
  // and measuring on every page would force a layout in the middle of rendering it.
  const hasRows = rows.length > 0
  useLayoutEffect(() => {
    if (!hasRows) return
    const measured = body.current?.querySelector('tr[data-index]')?.getBoundingClientRect().height
    if (measured && Math.abs(measured - rowHeight) > 0.5) setRowHeight(measured)
    // A phone-sized window sets each task on two lines: a new height to measure.
  }, [hasRows, rowHeight, prefs.density, windowWidth])
  const { frame, start, end, padTop, padBottom, scrollToRow, scrollToTop, firstRowInView } = rowWindow

  // A row out of the rendered range is scrolled to first and focused once it renders. A focus asked
  // for in the previous view must not land in this one, so it names its view.
  const [pendingFocus, setPendingFocus] = useState<{ index: number; viewKey: string } | null>(null)
  useEffect(() => {
    scrollToTop()
  }, [viewKey, scrollToTop])
  const focusIndex = useCallback(
    (index: number) => {
      if (focusRenderedRow(body.current, index)) return
      scrollToRow(index)
      setPendingFocus({ index, viewKey })
    },
    [scrollToRow, viewKey],
  )
  useEffect(() => {
    if (pendingFocus?.viewKey === viewKey && focusRenderedRow(body.current, pendingFocus.index)) setPendingFocus(null)
  }, [pendingFocus, viewKey, start, end])
  useImperativeHandle(
    ref,
    () => ({
      focusRow(which) {
        if (rows.length === 0) return false
        focusIndex(which === 'first' ? 0 : which === 'last' ? rows.length - 1 : firstRowInView())
        return true
      },
    }),
    [rows.length, focusIndex, firstRowInView],
  )
  function onKeyDown(event: KeyboardEvent<HTMLTableSectionElement>) {
    const edit = editShortcut(event)
    // With rows picked, a change's key is for all of them: the selection bar takes it (selection-bar.tsx).
    if (edit && selected && selected.size > 0) return
    if (onRowMenu && isShortcut(event, 'menu')) {
      const link = document.activeElement?.closest('tr[data-index]')?.querySelector('a[data-task-link]')
      if (!(link instanceof HTMLAnchorElement)) return
      event.preventDefault()
      openRowMenu(link, null)
      return
    }
    if (onPick && isShortcut(event, 'select')) {
      const index = focusedRowIndex(event.currentTarget)
      if (index < 0) return
      event.preventDefault()
      onPick(index, false)
      return
    }
    if (edit) {
      // The focused row's task opens with the control for that change ready (see detail/task-editors.tsx).
      const link = focusedRowLink(event.currentTarget)
      if (!link) return
      event.preventDefault()
      void navigate(link, { state: { fromBoard: true, edit } })
      return
    }
    const step = rowStep(event)
    const current = step === 0 ? -1 : focusedRowIndex(event.currentTarget)
    if (current < 0) return
    event.preventDefault()
    const next = current + step
    if (next < 0) onRowEdge('before-first')
    else if (next >= rows.length) onRowEdge('after-last')
    else focusIndex(next)
  }

  function openRowMenu(link: HTMLAnchorElement, at: RowMenuRequest['at']) {
    const row = link.closest<HTMLElement>('tr[data-index]')
    if (row && onRowMenu) onRowMenu({ index: Number(row.dataset.index), href: link.getAttribute('href')!, link, at })
  }
  function onContextMenu(event: MouseEvent<HTMLTableSectionElement>) {
    // A link keeps the browser's own menu (open in a new tab, copy the address).
    const target = event.target as HTMLElement
    const link = target.closest('tr[data-index]')?.querySelector('a[data-task-link]')
    if (!onRowMenu || target.closest('a') || !(link instanceof HTMLAnchorElement)) return
    event.preventDefault()
    openRowMenu(link, { x: event.clientX, y: event.clientY })
  }

  return (
    <div ref={frame} className="table-wrap" data-busy={busy}>
      <table
        className={`tasks-table tasks-table--${prefs.density}`}
        // A phone-sized window sets each task on two lines (styles.css), not in columns.
        style={windowWidth === 'phone' ? undefined : { minWidth: `${tableMinWidthRem([...widths.values()])}rem` }}
        aria-busy={busy || reading}
        aria-rowcount={rows.length + 1}
      >
        <colgroup>
          {columns.map((column) => (
            <col key={column.id} className={`col-${column.id}`} style={columnWidthStyle(widths.get(column.id))} />
          ))}
        </colgroup>
        <TableHead
          table={table}
          sort={sort}
          sortHref={sortHref}
          onSortChange={onSortChange}
          onSortIntent={onSortIntent}
          widths={widths}
          onResize={onResize}
        />
        {/* A click anywhere on a row follows its title link; the link itself is the keyboard path. */}
        {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions */}
        <tbody
          ref={body}
          onClick={(event) => followRowLink(event, onPick && ((index) => onPick(index, true)))}
          onKeyDown={onKeyDown}
          onContextMenu={onContextMenu}
        >
          <NowContext value={now}>
            {padTop > 0 && <SpacerRow height={padTop} columns={columnIds.length} />}
            {rows.slice(start, end).map((row, offset) => (
              <TaskRow
                key={row.id}
                row={row}
                task={row.original}
                index={start + offset}
                columnsKey={columnsKey}
                selected={selected?.has(row.id)}
              />
            ))}
            {padBottom > 0 && <SpacerRow height={padBottom} columns={columnIds.length} />}
          </NowContext>
          {tasks.length === 0 &&
            Array.from({ length: skeletonRows }, (_, index) => (
              <tr key={`skeleton-${index}`} className="skeleton-row" aria-hidden="true">
                {columns.map((column) => (
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
