import { useCallback, useMemo, useState } from 'react'
import type { Task } from '../../../shared/tasks/api/schemas.ts'
import { MAX_JOB_TASKS } from '../../../shared/tasks/api/job-limits.ts'

/** The rows picked for one change: the tasks as the board showed them when picked, in the order picked. */
export type Selection = ReadonlyMap<string, Task>

const NONE: Selection = new Map()

/**
 * Picks `rows[index]` (or, with `range`, every row from the last one picked,
 * `anchor`, to it, when that row is on the rows shown); picking a picked row
 * alone puts it back. Never more than a job takes.
 */
export function nextSelection(
  selection: Selection,
  rows: readonly Task[],
  index: number,
  anchor: string | null,
  range: boolean,
): Selection {
  const row = rows[index]
  if (!row) return selection
  const next = new Map(selection)
  const from = anchor === null ? -1 : rows.findIndex((task) => task._id === anchor)
  if (range && from >= 0) {
    const [first, last] = from < index ? [from, index] : [index, from]
    for (const task of rows.slice(first, last + 1)) next.set(task._id, task)
  } else if (next.has(row._id)) {
    next.delete(row._id)
  } else {
    next.set(row._id, row)
  }
  return next.size > MAX_JOB_TASKS ? new Map([...next].slice(0, MAX_JOB_TASKS)) : next
}

/**
 * The rows a dispatcher picked (`x`, shift-click) for a change on many tasks.
 * It lives on the page, not in the URL: a link sent to a colleague shows the
 * view, not someone's half-made choice. A different view starts empty; its
 * pages share one selection.
 */
export function useRowSelection(rows: readonly Task[], viewKey: string) {
  const [state, setState] = useState<{ viewKey: string; selected: Selection; anchor: string | null }>({
    viewKey,
    selected: NONE,
    anchor: null,
  })
  const current = state.viewKey === viewKey ? state : { viewKey, selected: NONE, anchor: null }
  const pick = useCallback(
    (index: number, range: boolean) =>
      setState((before) => {
        const base = before.viewKey === viewKey ? before : { viewKey, selected: NONE, anchor: null }
        const anchor = rows[index]?._id ?? base.anchor
        return { viewKey, selected: nextSelection(base.selected, rows, index, base.anchor, range), anchor }
      }),
    [rows, viewKey],
  )
  const clear = useCallback(() => setState({ viewKey, selected: NONE, anchor: null }), [viewKey])
  const ids = useMemo(() => new Set(current.selected.keys()), [current.selected])
  return { selected: current.selected, ids, pick, clear }
}
