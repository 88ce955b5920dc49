import { useCallback, useState } from 'react'
import type { Task } from '../../../shared/tasks/api/schemas.ts'

interface Pinned {
  viewKey: string
  rows: Task[]
  /** The answer the rows were last brought up to date from. */
  from: Task[]
}

/**
 * Rows that do not jump. Within one view the order shown is pinned: a
 * background refetch updates rows in place, but rows it adds or drops are
 * only counted (`added`, `removed`) until `reveal()` takes the new order. A
 * row a refetch dropped keeps the last version seen of it (a task changed
 * out of the view shows its change, not what it was when pinned).
 * A new view (another key) shows its rows as they come; until they come
 * (loading, or failed), the rows last shown stay.
 */
export function useStableRows(
  viewKey: string,
  latest: Task[] | undefined,
  /** The newest version of a task read on its own (the task's panel, a change reported live), if any. */
  readAlone?: (id: string) => Task | undefined,
) {
  const [pinned, setPinned] = useState<Pinned | null>(null)

  if (latest && pinned?.viewKey !== viewKey) {
    setPinned({ viewKey, rows: latest, from: latest })
  } else if (latest && pinned && pinned.from !== latest) {
    const byId = new Map(latest.map((task) => [task._id, task]))
    setPinned({ viewKey, rows: pinned.rows.map((task) => byId.get(task._id) ?? task), from: latest })
  }

  const current = pinned?.viewKey === viewKey ? pinned : null
  const reveal = useCallback(() => {
    if (latest) setPinned({ viewKey, rows: latest, from: latest })
  }, [latest, viewKey])

  if (!latest) return { rows: pinned?.rows ?? [], added: 0, removed: 0, reveal }
  if (!current) return { rows: latest, added: 0, removed: 0, reveal }

  const latestById = new Map(latest.map((task) => [task._id, task]))
  const shownIds = new Set(current.rows.map((task) => task._id))
  // Each row shows the newest version of its task the board has read: a list read that began before a
  // change may answer after the task itself was read again, and a row no longer in the view has only that.
  const newest = (task: Task) => {
    const alone = readAlone?.(task._id)
    return alone && (alone.status.lastModifiedAt ?? 0) > (task.status.lastModifiedAt ?? 0) ? alone : task
  }
  return {
    rows: current.rows.map((task) => newest(latestById.get(task._id) ?? task)),
    added: latest.filter((task) => !shownIds.has(task._id)).length,
    removed: current.rows.filter((task) => !latestById.has(task._id)).length,
    reveal,
  }
}
