import { calendarDaysFrom, formatRelativeDay, formatTime, formatUnit, type DateStyle } from '../../../lib/format.ts'
import type { Messages } from '../../../shared/i18n/en.ts'

const HOUR_MS = 3_600_000
const MINUTE_MS = 60_000

export type DueTone = 'overdue' | 'today' | 'upcoming' | 'done'

export interface DueText {
  text: string
  tone: DueTone
}

/**
 * How a due date reads at a glance. Open tasks past due are overdue (by
 * hours today, by days before); today's and overdue ones show the clock time
 * too. Completed and cancelled tasks are never overdue: their date is history.
 */
export function describeDue(due: number, now: number, finished: boolean, t: Messages, style: DateStyle): DueText {
  const { locale } = style
  const days = calendarDaysFrom(due, now, style)
  if (finished) return { text: formatRelativeDay(due, now, style), tone: 'done' }
  const time = formatTime(due, style)
  if (due < now) {
    if (days === 0) {
      const late = now - due
      const amount =
        late < HOUR_MS
          ? formatUnit('minute', locale, Math.max(1, Math.floor(late / MINUTE_MS)))
          : formatUnit('hour', locale, Math.floor(late / HOUR_MS))
      return { text: t.cells.overdueToday(amount, time), tone: 'overdue' }
    }
    return { text: t.cells.overdueDays(formatUnit('day', locale, -days), time), tone: 'overdue' }
  }
  if (days === 0) return { text: t.cells.today(time), tone: 'today' }
  return { text: formatRelativeDay(due, now, style), tone: 'upcoming' }
}
