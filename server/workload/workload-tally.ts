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
  /** As of `now` in `timeZone`: unassigned first (always there), then people by name. */
  rows(now: number, timeZone: string): WorkloadRow[]
  /** What the tally holds, as plain data: another app server makes the same tally of it. */
  shares(): Share[]
}

/** One person's (or the unassigned pile's) tasks as the tally keeps them: how many, and when each is due. */
export interface Share {
  assignee: WorkloadAssignee | null
  active: number
  /** The due dates of the tasks that have one (epoch ms). */
  dues: number[]
}

/**
 * Tallies active tasks per assignee as pages arrive, keeping only the ids
 * seen (pages may repeat rows), and per assignee the due dates, never the
 * tasks: so one paging answers every time zone. Only the assignee's id,
 * name and picture are kept: all the board shows.
 */
export function createWorkloadTally(from: readonly Share[] = []): WorkloadTally {
  const seen = new Set<string>()
  let unassigned: Share = { assignee: null, active: 0, dues: [] }
  const people = new Map<string, Share>()
  for (const share of from) {
    if (share.assignee) people.set(share.assignee.id, share)
    else unassigned = share
  }

  function shareOf(assignee: unknown): Share {
    if (!isRecord(assignee) || typeof assignee.entityId !== 'string' || assignee.entityId === '') return unassigned
    let share = people.get(assignee.entityId)
    if (!share) {
      share = {
        assignee: {
          id: assignee.entityId,
          name: typeof assignee.name === 'string' ? assignee.name : '',
          profilePicture: typeof assignee.profilePicture === 'string' ? assignee.profilePicture : null,
        },
        active: 0,
        dues: [],
      }
      people.set(assignee.entityId, share)
    }
    return share
  }

  return {
    add(task) {
      if (!isRecord(task) || typeof task._id !== 'string' || seen.has(task._id)) return false
      seen.add(task._id)
      const share = shareOf(task.assignee)
      share.active += 1
      const due = readTimestamp(task.dueDate)
      if (due !== null) share.dues.push(due)
      return true
    },
    get size() {
      return seen.size
    },
    rows(now, timeZone) {
      const ranges = calendarRanges(now, timeZone)
      const rowOf = ({ assignee, active, dues }: Share): WorkloadRow => ({
        assignee: assignee && { ...assignee },
        active,
        overdue: dues.filter((due) => due < now).length,
        dueToday: dues.filter((due) => due >= ranges.todayStart && due < ranges.tomorrowStart).length,
        dueThisWeek: dues.filter((due) => due >= ranges.weekStart && due < ranges.nextWeekStart).length,
      })
      const sorted = [...people.values()].sort(
        (a, b) => a.assignee!.name.localeCompare(b.assignee!.name) || a.assignee!.id.localeCompare(b.assignee!.id),
      )
      return [rowOf(unassigned), ...sorted.map(rowOf)]
    },
    shares: () => [unassigned, ...people.values()],
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
