/**
 * Wall-clock time in a time zone: a date-time input's value
 * (`2026-04-01T09:30`, without a zone) and the instant it means, both ways,
 * and the reading itself. The board edits due dates in the zone it shows
 * them in, which on the server-rendered first screen is the zone the
 * browser said it is in, not the machine's; the app server reads the
 * dispatcher's clock for the workload's day and week and for the dates of
 * an export, having no zone of its own.
 */

const partsFormatters = new Map<string, Intl.DateTimeFormat>()

function partsIn(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? ''
  let formatter = partsFormatters.get(key)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
    partsFormatters.set(key, formatter)
  }
  return formatter
}

/** The wall-clock reading of an instant in a zone (undefined: the browser's), to the second, as if it were UTC. */
export function wallClockAsUtc(epochMs: number, timeZone: string | undefined): number {
  const parts: Record<string, number> = {}
  for (const part of partsIn(timeZone).formatToParts(epochMs)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value)
  }
  return Date.UTC(parts.year!, parts.month! - 1, parts.day, parts.hour, parts.minute, parts.second)
}

/** `YYYY-MM-DDTHH:mm` for an instant in a zone (undefined: the browser's). */
export function toDateTimeInput(epochMs: number, timeZone: string | undefined): string {
  return new Date(wallClockAsUtc(epochMs, timeZone)).toISOString().slice(0, 16)
}

/**
 * The instant a `YYYY-MM-DDTHH:mm` reading means in a zone; null for
 * anything else. A reading a clock change skips is taken at the offset
 * before it; one it repeats, at the first of its two instants.
 */
export function fromDateTimeInput(value: string, timeZone: string | undefined): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value)
  if (!match) return null
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number]
  const reading = Date.UTC(year, month - 1, day, hour, minute)
  const check = new Date(reading)
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59) return null
  // The zone's offsets half a day either side cover a clock change between them; a reading one of them gives back
  // is an instant it means.
  const offsetAt = (instant: number) => wallClockAsUtc(instant, timeZone) - instant
  const candidates = [reading - offsetAt(reading - HALF_DAY_MS), reading - offsetAt(reading + HALF_DAY_MS)]
  const meant = candidates.filter((instant) => wallClockAsUtc(instant, timeZone) === reading)
  return meant.length > 0 ? Math.min(...meant) : candidates[0]!
}

const HALF_DAY_MS = 43_200_000
