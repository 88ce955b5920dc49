export const MINUTE = 60_000
export const HOUR = 60 * MINUTE
export const DAY = 24 * HOUR

/**
 * Midnight of the day `now` falls on, in the server's time zone: "due today"
 * in the demo data means today where the board is looked at (the browser and
 * the demo API share a machine in development and tests).
 */
export function startOfLocalDay(now: number): number {
  const day = new Date(now)
  day.setHours(0, 0, 0, 0)
  return day.getTime()
}

/** `YYYY-MM-DD`, as the API writes calendar dates (birth dates, contract starts). */
export function formatCalendarDate(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10)
}
