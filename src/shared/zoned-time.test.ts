import { describe, expect, test } from 'vitest'
import { fromDateTimeInput, toDateTimeInput } from './zoned-time.ts'

describe('date-time inputs in a time zone', () => {
  test.each([
    ['Europe/Berlin', '2026-04-01T09:30', '2026-04-01T07:30:00.000Z'],
    ['Europe/Berlin', '2026-12-24T18:00', '2026-12-24T17:00:00.000Z'],
    ['America/New_York', '2026-07-04T00:15', '2026-07-04T04:15:00.000Z'],
    ['Asia/Kolkata', '2026-01-31T23:59', '2026-01-31T18:29:00.000Z'],
    ['UTC', '2026-02-28T12:00', '2026-02-28T12:00:00.000Z'],
  ])('%s: %s is %s, and back', (zone, input, iso) => {
    expect(new Date(fromDateTimeInput(input, zone)!).toISOString()).toBe(iso)
    expect(toDateTimeInput(Date.parse(iso), zone)).toBe(input)
  })

  test('around a clock change: a skipped reading lands after it, a repeated one on its first instant', () => {
    // Berlin skips 02:00-03:00 on 29 March 2026 and repeats 02:00-03:00 on 25 October 2026.
    const skipped = fromDateTimeInput('2026-03-29T02:30', 'Europe/Berlin')!
    expect(toDateTimeInput(skipped, 'Europe/Berlin')).toMatch(/^2026-03-29T0[13]:30$/)
    expect(new Date(fromDateTimeInput('2026-10-25T02:30', 'Europe/Berlin')!).toISOString()).toBe(
      '2026-10-25T00:30:00.000Z',
    )
  })

  test.each(['', 'tomorrow', '2026-02-30T10:00', '2026-13-01T10:00', '2026-01-01T24:00', '2026-01-01 10:00'])(
    '%j is no reading',
    (input) => {
      expect(fromDateTimeInput(input, 'Europe/Berlin')).toBeNull()
    },
  )
})
