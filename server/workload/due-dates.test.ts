import fc from 'fast-check'
import { expect, test } from 'vitest'
import { calendarRanges, isTimeZone, readTimestamp } from './due-dates.ts'

const MS = Date.UTC(2026, 2, 18, 9, 30)

test.each([
  [MS, MS],
  [MS / 1000, MS],
  [String(MS), MS],
  ['2026-03-18T09:30:00.000Z', MS],
  ['2026-03-18T10:30:00+01:00', MS],
  [null, null],
  [undefined, null],
  ['', null],
  ['soon', null],
  [0, null],
  [-5, null],
  [Number.NaN, null],
  [{ $date: MS }, null],
])('reads %j as %j', (value, expected) => {
  expect(readTimestamp(value)).toBe(expected)
})

test('never throws on anything', () => {
  fc.assert(fc.property(fc.anything(), (value) => void readTimestamp(value)))
})

test('knows IANA zones and refuses others', () => {
  expect(isTimeZone('Europe/Berlin')).toBe(true)
  expect(isTimeZone('UTC')).toBe(true)
  expect(isTimeZone('Mars/Olympus')).toBe(false)
})

const iso = (ranges: Record<string, number>) =>
  Object.fromEntries(Object.entries(ranges).map(([name, ms]) => [name, new Date(ms).toISOString()]))

test.each([
  [
    Date.UTC(2026, 2, 18, 9, 30),
    'Europe/Berlin',
    ['2026-03-17T23:00:00.000Z', '2026-03-18T23:00:00.000Z', '2026-03-15T23:00:00.000Z', '2026-03-22T23:00:00.000Z'],
  ],
  // Sunday of the switch to summer time: the day has 23 hours, the week ends on it.
  [
    Date.UTC(2026, 2, 29, 12),
    'Europe/Berlin',
    ['2026-03-28T23:00:00.000Z', '2026-03-29T22:00:00.000Z', '2026-03-22T23:00:00.000Z', '2026-03-29T22:00:00.000Z'],
  ],
  // Late evening in Berlin is already the next day there.
  [
    Date.UTC(2026, 2, 18, 23, 30),
    'Europe/Berlin',
    ['2026-03-18T23:00:00.000Z', '2026-03-19T23:00:00.000Z', '2026-03-15T23:00:00.000Z', '2026-03-22T23:00:00.000Z'],
  ],
  [
    Date.UTC(2026, 2, 18, 2, 30),
    'America/New_York',
    ['2026-03-17T04:00:00.000Z', '2026-03-18T04:00:00.000Z', '2026-03-16T04:00:00.000Z', '2026-03-23T04:00:00.000Z'],
  ],
])('today and this week around %i in %s', (now, zone, [todayStart, tomorrowStart, weekStart, nextWeekStart]) => {
  expect(iso({ ...calendarRanges(now, zone) })).toEqual({ todayStart, tomorrowStart, weekStart, nextWeekStart })
})
