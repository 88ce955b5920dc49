import { useCallback, useEffect, useRef, useState } from 'react'
import type { RowEdge } from '../table/row-keyboard.ts'
import type { TasksTableHandle } from '../table/tasks-table.tsx'
import type { BoardPatch } from '../../../shared/tasks/url-state/board-writer.ts'

interface RowPagingInput {
  page: number
  hasNext: boolean
  /** The rows on screen belong to the page in the URL (not a placeholder of the previous one). */
  settled: boolean
  /** Changes when new rows arrive. */
  rows: unknown
  update: (patch: BoardPatch) => void
}

/**
 * Keyboard paging: arrowing past the last row turns the page, and focus
 * lands on the new page's first (or last) row once its rows are on screen.
 * From outside the table, j/k enter it at the first row in view.
 */
export function useRowPaging({ page, hasNext, settled, rows, update }: RowPagingInput) {
  const table = useRef<TasksTableHandle>(null)
  const [focusAfterTurn, setFocusAfterTurn] = useState<{ page: number; row: 'first' | 'last' } | null>(null)
  useEffect(() => {
    if (!focusAfterTurn || focusAfterTurn.page !== page || !settled) return
    if (table.current?.focusRow(focusAfterTurn.row)) setFocusAfterTurn(null)
  }, [rows, focusAfterTurn, page, settled])

  function onRowEdge(edge: RowEdge) {
    if (edge === 'after-last' && hasNext) {
      setFocusAfterTurn({ page: page + 1, row: 'first' })
      update({ page: page + 1 })
    } else if (edge === 'before-first' && page > 1) {
      setFocusAfterTurn({ page: page - 1, row: 'last' })
      update({ page: page - 1 })
    }
  }
  // The first row in view: where the dispatcher is looking.
  const enterTable = useCallback(() => void table.current?.focusRow('in-view'), [])
  return { table, onRowEdge, enterTable }
}
