import { expect, test } from 'vitest'
import { de } from '../../../shared/i18n/de.ts'
import { en } from '../../../shared/i18n/en.ts'
import { describeDue } from './due.ts'

// Local times, so the test reads the same in any time zone.
const at = (day: number, hour: number, minute = 0) => new Date(2026, 10, day, hour, minute).getTime()
const NOW = at(29, 16, 0)
// In the browser's own zone, as the live board writes them.
const EN_GB = { locale: 'en-GB', timeZone: undefined }
const DE_DE = { locale: 'de-DE', timeZone: undefined }

test('overdue today counts hours and shows the clock time', () => {
  expect(describeDue(at(29, 14, 0), NOW, false, en, EN_GB)).toEqual({
    text: 'overdue 2h · 14:00',
    tone: 'overdue',
  })
})

test('overdue by less than an hour counts minutes', () => {
  expect(describeDue(at(29, 15, 35), NOW, false, en, EN_GB)).toEqual({
    text: 'overdue 25m · 15:35',
    tone: 'overdue',
  })
})

test('overdue from an earlier day counts calendar days in the short unit, so the clock time fits beside it', () => {
  expect(describeDue(at(27, 9, 30), NOW, false, en, EN_GB)).toEqual({
    text: 'overdue 2d · 09:30',
    tone: 'overdue',
  })
  expect(describeDue(at(28, 23, 0), NOW, false, en, EN_GB).text).toBe('overdue 1d · 23:00')
  expect(describeDue(new Date(2025, 10, 29, 10).getTime(), NOW, false, en, EN_GB).text).toBe('overdue 365d · 10:00')
})

test('due later today shows today and the time', () => {
  expect(describeDue(at(29, 18, 15), NOW, false, en, EN_GB)).toEqual({
    text: 'today · 18:15',
    tone: 'today',
  })
})

test('future days read relative', () => {
  expect(describeDue(at(30, 9), NOW, false, en, EN_GB)).toEqual({
    text: 'tomorrow',
    tone: 'upcoming',
  })
  expect(describeDue(at(2 + 30, 9), NOW, false, en, EN_GB).text).toBe('in 3 days')
})

test('finished tasks are never overdue', () => {
  expect(describeDue(at(27, 9), NOW, true, en, EN_GB)).toEqual({
    text: '2 days ago',
    tone: 'done',
  })
})

test('reads in German with the German catalogue and locale', () => {
  expect(describeDue(at(27, 9, 30), NOW, false, de, DE_DE)).toEqual({
    text: 'überfällig 2 T · 09:30',
    tone: 'overdue',
  })
  expect(describeDue(at(29, 18, 15), NOW, false, de, DE_DE).text).toBe('heute · 18:15')
  expect(describeDue(at(30, 9), NOW, false, de, DE_DE).text).toBe('morgen')
})
