/** The fields of a wall clock. */
export type WallClock = Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number>

/**
 * What the wall clock in `timeZone` shows at an instant (month 1–12, hours
 * 0–23): for the app server, which has no zone of its own to format in.
 */
export function createWallClock(timeZone: string): (instant: number) => WallClock {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  })
  return (instant) =>
    Object.fromEntries(format.formatToParts(instant).map((part) => [part.type, Number(part.value)])) as WallClock
}
