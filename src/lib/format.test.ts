import { expect, test } from 'vitest'
import { calendarDaysFrom, formatRelativeDay, formatTime } from './format.ts'

const NOW = Date.parse('2026-12-02T22:00:00Z')
const DUE = Date.parse('2026-12-02T23:30:00Z')

test('calendar days and the time are told in the zone of the style', () => {
  const inZone = (timeZone: string) => {
    const style = { locale: 'en', timeZone }
    return {
      days: calendarDaysFrom(DUE, NOW, style),
      day: formatRelativeDay(DUE, NOW, style),
      time: formatTime(DUE, style),
    }
  }
  // 23:00 and 00:30 in Berlin: the task is due tomorrow there, while in UTC it is due tonight.
  expect(inZone('Europe/Berlin')).toEqual({ days: 1, day: 'tomorrow', time: '12:30 AM' })
  expect(inZone('UTC')).toEqual({ days: 0, day: 'today', time: '11:30 PM' })
  expect(inZone('America/Los_Angeles')).toMatchObject({ days: 0, time: '3:30 PM' })
})
