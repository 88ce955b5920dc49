import { expect, test } from 'vitest'
import type { Task } from '../../../shared/tasks/api/schemas.ts'
import { groupByDay, parseDaySheetSearch, sheetDays } from './day-sheet-range.ts'

const ZONE = 'Europe/Berlin'
// Tuesday 8 December 2026, 10:00 in Berlin.
const NOW = Date.UTC(2026, 11, 8, 9, 0)
const USER = '64e1a80dab4b411bb15368d9'
const task = (id: string, dueDate: number | null) => ({ _id: id, dueDate }) as Task
const berlin = (day: number, hour: number, minute = 0) => Date.UTC(2026, 11, day, hour - 1, minute)

test('reads its address; a bad first day is today, anything but a week one day, and nobody no sheet', () => {
  const read = (search: string) => parseDaySheetSearch(new URLSearchParams(search))
  expect(read(`assignee=${USER}&from=2026-12-09&days=7`)).toEqual({ assignee: USER, from: '2026-12-09', days: 7 })
  expect(read('assignee=me&from=tomorrow&days=3')).toEqual({ assignee: 'me', from: null, days: 1 })
  expect(read('assignee=<script>')).toBeNull()
  expect(read('')).toBeNull()
})

test('a day runs from midnight to midnight in the board’s zone', () => {
  const { days, start, end } = sheetDays({ assignee: 'me', from: null, days: 1 }, NOW, ZONE)
  expect(days).toEqual(['2026-12-08'])
  expect([start, end]).toEqual([berlin(8, 0), berlin(9, 0)])
  expect(sheetDays({ assignee: 'me', from: '2026-12-28', days: 7 }, NOW, ZONE).days.at(-1)).toBe('2027-01-03')
})

test('today’s sheet: the overdue first, then the day’s tasks by time; later ones and those without a date on no day', () => {
  const tasks = [
    task('late-morning', berlin(8, 11)),
    task('early', berlin(8, 0, 0)),
    task('overdue', berlin(2, 9)),
    task('tomorrow', berlin(9, 8)),
    task('undated', null),
    task('early', berlin(8, 0, 0)),
  ]
  expect(
    groupByDay(tasks, { assignee: 'me', from: null, days: 1 }, NOW, ZONE).map((group) => [
      group.day,
      group.tasks.map((one) => one._id),
    ]),
  ).toEqual([
    [null, ['overdue']],
    ['2026-12-08', ['early', 'late-morning']],
  ])
  // A sheet of another week has no overdue group: it is not where a technician meets them.
  const week = groupByDay(tasks, { assignee: 'me', from: '2026-12-09', days: 7 }, NOW, ZONE)
  expect(week.map((group) => group.day)).toEqual([
    '2026-12-09',
    '2026-12-10',
    '2026-12-11',
    '2026-12-12',
    '2026-12-13',
    '2026-12-14',
    '2026-12-15',
  ])
  expect(week[0]!.tasks.map((one) => one._id)).toEqual(['tomorrow'])
})
