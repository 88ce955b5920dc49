import { calendarRanges, readTimestamp } from './due-dates.ts'

export interface WorkloadAssignee {
  id: string
  name: string
  profilePicture: string | null
}

/** One person's (or the unassigned pile's) share of the active tasks. */
export interface WorkloadRow {
  /** null: the tasks nobody is assigned to. */
  assignee: WorkloadAssignee | null
  active: number
  /** Due before now. */
  overdue: number
  /** Due on today's date in the zone, earlier or later today. */
  dueToday: number
  /** Due Monday to Sunday of this week in the zone, today included. */
  dueThisWeek: number
}

export interface WorkloadTally {
  /** Adds one task as the API sent it; false when it has no id or was already added. */
  add(task: unknown): boolean
  readonly size: number
  /** Unassigned first (always there), then people by name. */
  rows(): WorkloadRow[]
}

/**
 * Tallies active tasks per assignee as pages arrive, keeping only the ids
 * seen (pages may repeat rows) and one row per assignee, never the tasks.
 * Only the assignee's id, name and picture are kept: all the board shows.
 */
export function createWorkloadTally(now: number, timeZone: string): WorkloadTally {
  const ranges = calendarRanges(now, timeZone)
  const seen = new Set<string>()
  const unassigned: WorkloadRow = emptyRow(null)
  const people = new Map<string, WorkloadRow>()

  function rowOf(assignee: unknown): WorkloadRow {
    if (!isRecord(assignee) || typeof assignee.entityId !== 'string' || assignee.entityId === '') return unassigned
    let row = people.get(assignee.entityId)
    if (!row) {
      row = emptyRow({
        id: assignee.entityId,
        name: typeof assignee.name === 'string' ? assignee.name : '',
        profilePicture: typeof assignee.profilePicture === 'string' ? assignee.profilePicture : null,
      })
      people.set(assignee.entityId, row)
    }
    return row
  }

  return {
    add(task) {
      if (!isRecord(task) || typeof task._id !== 'string' || seen.has(task._id)) return false
      seen.add(task._id)
      const row = rowOf(task.assignee)
      row.active += 1
      const due = readTimestamp(task.dueDate)
      if (due === null) return true
      if (due < now) row.overdue += 1
      if (due >= ranges.todayStart && due < ranges.tomorrowStart) row.dueToday += 1
      if (due >= ranges.weekStart && due < ranges.nextWeekStart) row.dueThisWeek += 1
      return true
    },
    get size() {
      return seen.size
    },
    rows() {
      const sorted = [...people.values()].sort(
        (a, b) => a.assignee!.name.localeCompare(b.assignee!.name) || a.assignee!.id.localeCompare(b.assignee!.id),
      )
      return [{ ...unassigned }, ...sorted.map((row) => ({ ...row }))]
    },
  }
}

function emptyRow(assignee: WorkloadAssignee | null): WorkloadRow {
  return { assignee, active: 0, overdue: 0, dueToday: 0, dueThisWeek: 0 }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
