import type { Task } from '../../../shared/tasks/api/schemas.ts'
import { fromDateTimeInput, toDateTimeInput } from '../../../shared/zoned-time.ts'

/** What a day sheet covers: a technician, a first day (`YYYY-MM-DD` in the board's zone), one day or a week. */
export interface DaySheetAsk {
  /** A user id, or `me`. */
  assignee: string
  from: string | null
  days: 1 | 7
}

const DAY = /^\d{4}-\d{2}-\d{2}$/

/** Reads `/day-sheet?assignee=…&from=YYYY-MM-DD&days=1|7`; a bad `from` is today, a bad `days` one day. */
export function parseDaySheetSearch(search: URLSearchParams): DaySheetAsk | null {
  const assignee = search.get('assignee')?.trim() ?? ''
  if (!/^([0-9a-f]{24}|me)$/i.test(assignee)) return null
  const from = search.get('from')
  return { assignee, from: from && DAY.test(from) ? from : null, days: search.get('days') === '7' ? 7 : 1 }
}

/** One group of a sheet: overdue tasks, or one day's. */
export interface SheetDay {
  /** `YYYY-MM-DD`, or null for the overdue tasks before the first day. */
  day: string | null
  tasks: Task[]
}

/** The instants that bound each day of the sheet, in `timeZone`, and the first day (today when none is asked). */
export function sheetDays(
  ask: DaySheetAsk,
  now: number,
  timeZone: string,
): { days: string[]; start: number; end: number } {
  const first = ask.from ?? toDateTimeInput(now, timeZone).slice(0, 10)
  const days = Array.from({ length: ask.days }, (_, index) => addDays(first, index))
  return { days, start: startOf(first, timeZone), end: startOf(addDays(first, ask.days), timeZone) }
}

/**
 * The sheet's tasks by day, each day's in the order they are due; the
 * active tasks already overdue come first when the sheet starts today,
 * since that is where a technician will meet them. Tasks due after the
 * sheet, or without a due date, are on no day.
 */
export function groupByDay(tasks: readonly Task[], ask: DaySheetAsk, now: number, timeZone: string): SheetDay[] {
  const { days, start } = sheetDays(ask, now, timeZone)
  const today = toDateTimeInput(now, timeZone).slice(0, 10)
  const due = [...new Map(tasks.map((task) => [task._id, task])).values()]
    .filter((task) => task.dueDate !== null)
    .sort((a, b) => a.dueDate! - b.dueDate!)
  const groups: SheetDay[] = days.map((day) => ({
    day,
    tasks: due.filter(
      (task) => task.dueDate! >= startOf(day, timeZone) && task.dueDate! < startOf(addDays(day, 1), timeZone),
    ),
  }))
  const overdue = days[0] === today ? due.filter((task) => task.dueDate! < start) : []
  return overdue.length > 0 ? [{ day: null, tasks: overdue }, ...groups] : groups
}

function startOf(day: string, timeZone: string): number {
  return fromDateTimeInput(`${day}T00:00`, timeZone) ?? Date.parse(`${day}T00:00Z`)
}

function addDays(day: string, count: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(year, month - 1, date + count)).toISOString().slice(0, 10)
}
