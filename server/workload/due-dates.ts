import { wallClockAsUtc } from '../../src/shared/zoned-time.ts'

/** Below this a number is taken as epoch seconds: 10^11 ms is March 1973, 10^11 s is the year 5138. */
const SECONDS_BELOW = 1e11

/**
 * A task timestamp as epoch ms. The API types due dates as "any": epoch
 * milliseconds mostly, sometimes seconds, ISO strings, null. Anything else
 * is "no date". Never throws.
 */
export function readTimestamp(value: unknown): number | null {
  if (typeof value === 'string') {
    const text = value.trim()
    if (text === '') return null
    if (/^\d+(\.\d+)?$/.test(text)) return readTimestamp(Number(text))
    const parsed = Date.parse(text)
    return Number.isNaN(parsed) ? null : parsed
  }
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) return null
  return value < SECONDS_BELOW ? Math.round(value * 1000) : value
}

export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name })
    return true
  } catch {
    return false
  }
}

/** Today and this week (Monday to Sunday) in one time zone, as half-open ranges of epoch ms. */
export interface CalendarRanges {
  todayStart: number
  tomorrowStart: number
  weekStart: number
  nextWeekStart: number
}

/**
 * The day and week around `now` in `timeZone`, computed once so each task
 * is two comparisons rather than a date formatting. Midnights are found
 * from the zone's offset, checked twice so a daylight-saving change that
 * day still lands on local midnight.
 */
export function calendarRanges(now: number, timeZone: string): CalendarRanges {
  /** Local wall time minus UTC at an instant, in ms. */
  const offsetAt = (instant: number) => wallClockAsUtc(instant, timeZone) - Math.floor(instant / 1000) * 1000
  const today = new Date(wallClockAsUtc(now, timeZone))
  const [year, month, day] = [today.getUTCFullYear(), today.getUTCMonth() + 1, today.getUTCDate()]
  const midnight = (dayOffset: number) => {
    const wall = Date.UTC(year, month - 1, day + dayOffset)
    const guess = wall - offsetAt(wall)
    return wall - offsetAt(guess)
  }
  const sinceMonday = (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7
  return {
    todayStart: midnight(0),
    tomorrowStart: midnight(1),
    weekStart: midnight(-sinceMonday),
    nextWeekStart: midnight(7 - sinceMonday),
  }
}
