import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import { Link, useNavigate } from 'react-router'
import { formatNumber } from '../../../lib/format.ts'
import { isTypingTarget } from '../../../lib/is-typing-target.ts'
import { useWorkloadI18n } from './words/workload-words.ts'
import type { WorkloadRow } from '../api/figure-schemas.ts'
import { AssigneeName } from '../presenters/assignee-name.tsx'
import type { BoardState } from '../../../shared/tasks/url-state/board-state.ts'
import { daySheetHref, personBoardHref } from '../../../shared/tasks/url-state/paths.ts'
import {
  nextWorkloadOrder,
  WORKLOAD_COLUMNS,
  type WorkloadOrder,
} from '../../../shared/tasks/url-state/workload-order.ts'

const FIGURES = ['active', 'overdue', 'dueToday', 'dueThisWeek'] as const

/**
 * One row per assignee; every figure links to that person's board. Rows
 * take the focus (j/k move it, Enter opens the person's active tasks), and
 * a column header sorts by it.
 */
export function WorkloadTable({
  rows,
  board,
  order,
  onOrder,
}: {
  rows: readonly WorkloadRow[]
  board: BoardState
  order: WorkloadOrder
  onOrder: (order: WorkloadOrder) => void
}) {
  const { t, locale } = useWorkloadI18n()
  const navigate = useNavigate()
  const body = useRef<HTMLTableSectionElement>(null)
  // One tab stop for the rows: the one last focused.
  const [focused, setFocused] = useState(0)

  useEffect(() => {
    function onKey(event: globalThis.KeyboardEvent) {
      if ((event.key !== 'j' && event.key !== 'k') || event.ctrlKey || event.metaKey || event.altKey) return
      if (isTypingTarget(event.target)) return
      const rowElements = [...(body.current?.rows ?? [])]
      if (rowElements.length === 0) return
      event.preventDefault()
      const current = rowElements.findIndex((row) => row.contains(document.activeElement))
      const step = event.key === 'j' ? 1 : -1
      const next = current === -1 ? 0 : Math.min(Math.max(current + step, 0), rowElements.length - 1)
      setFocused(next)
      rowElements[next]?.focus()
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [])

  function onRowKey(event: KeyboardEvent<HTMLTableRowElement>, href: string) {
    if (event.key === 'Enter' && event.target === event.currentTarget) {
      event.preventDefault()
      void navigate(href)
    }
  }

  return (
    <table className="workload-table" aria-label={t.workloadPage.tableLabel}>
      <thead>
        <tr>
          {WORKLOAD_COLUMNS.map((column) => {
            const sorted = order.column === column
            return (
              <th
                key={column}
                scope="col"
                className={`workload-table__${column}`}
                aria-sort={sorted ? (order.direction === 'asc' ? 'ascending' : 'descending') : undefined}
              >
                <button type="button" className="sort-button" onClick={() => onOrder(nextWorkloadOrder(order, column))}>
                  {t.workloadPage.columns[column]}
                  <span aria-hidden="true" className="workload-table__arrow">
                    {sorted ? (order.direction === 'asc' ? '▲' : '▼') : ''}
                  </span>
                </button>
              </th>
            )
          })}
        </tr>
      </thead>
      <tbody ref={body}>
        {rows.map((row, index) => {
          const id = row.assignee?.id ?? null
          const name = row.assignee?.name ?? t.cells.unassigned
          const activeHref = personBoardHref(board, id, 'active')
          return (
            <tr
              key={id ?? ''}
              data-testid="workload-row"
              tabIndex={index === Math.min(focused, rows.length - 1) ? 0 : -1}
              onFocus={() => setFocused(index)}
              onKeyDown={(event) => onRowKey(event, activeHref)}
            >
              <th scope="row" className="workload-table__name">
                <AssigneeName assignee={row.assignee && { entityId: row.assignee.id, ...row.assignee }} />
                {/* A person's tasks for today, to print; the unassigned pile has no sheet. */}
                {id !== null && (
                  <Link
                    className="workload-table__sheet"
                    to={daySheetHref(id)}
                    aria-label={t.workloadPage.daySheetFor(name)}
                  >
                    {t.workloadPage.daySheet}
                  </Link>
                )}
              </th>
              {FIGURES.map((figure) => {
                const count = formatNumber(row[figure], locale)
                return (
                  <td key={figure} className={`workload-table__${figure}`}>
                    <Link
                      to={figure === 'active' ? activeHref : personBoardHref(board, id, 'due')}
                      aria-label={t.workloadPage.cellLabel(count, t.workloadPage.columns[figure], name)}
                      className={row[figure] === 0 ? 'workload-table__zero' : undefined}
                    >
                      {count}
                    </Link>
                  </td>
                )
              })}
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
