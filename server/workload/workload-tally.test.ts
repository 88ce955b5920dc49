import { expect, test } from 'vitest'
import { createWorkloadTally } from './workload-tally.ts'

const NOW = Date.UTC(2026, 2, 18, 9, 30) // a Wednesday
const HOUR = 3_600_000
const anna = { entityId: 'a1', name: 'Anna Berg', profilePicture: 'https://img.example/a.png' }
const bert = { entityId: 'b2', name: 'Bert Alt', profilePicture: 'img_123' }

test('tallies active, overdue, due today and this week per assignee, unassigned first, then by name', () => {
  const tally = createWorkloadTally()
  const tasks = [
    { _id: '1', assignee: anna, dueDate: NOW - HOUR }, // overdue, today, this week
    { _id: '2', assignee: anna, dueDate: new Date(NOW + HOUR).toISOString() }, // today, this week
    { _id: '3', assignee: anna, dueDate: (NOW + 48 * HOUR) / 1000 }, // Friday: this week
    { _id: '4', assignee: bert, dueDate: NOW - 72 * HOUR }, // Sunday before: overdue only
    { _id: '5', assignee: null, dueDate: null },
    { _id: '6', dueDate: 'whenever' },
    { _id: '7', assignee: { name: 'no id' }, dueDate: NOW + 7 * 24 * HOUR }, // next week
  ]
  for (const task of tasks) expect(tally.add(task)).toBe(true)
  expect(tally.size).toBe(7)
  expect(tally.rows(NOW, 'UTC')).toEqual([
    { assignee: null, active: 3, overdue: 0, dueToday: 0, dueThisWeek: 0 },
    {
      assignee: { id: 'a1', name: 'Anna Berg', profilePicture: 'https://img.example/a.png' },
      active: 3,
      overdue: 1,
      dueToday: 2,
      dueThisWeek: 3,
    },
    {
      assignee: { id: 'b2', name: 'Bert Alt', profilePicture: 'img_123' },
      active: 1,
      overdue: 1,
      dueToday: 0,
      dueThisWeek: 0,
    },
  ])
})

test('a repeated or id-less row is not counted twice or at all', () => {
  const tally = createWorkloadTally()
  expect(tally.add({ _id: 'x', assignee: anna })).toBe(true)
  expect(tally.add({ _id: 'x', assignee: anna })).toBe(false)
  expect(tally.add({ title: 'no id' })).toBe(false)
  expect(tally.add('not a task')).toBe(false)
  expect(tally.rows(NOW, 'UTC').map((row) => row.active)).toEqual([0, 1])
})

test('keeps only id, name and picture of an assignee', () => {
  const tally = createWorkloadTally()
  tally.add({ _id: 'y', assignee: { ...anna, email: 'anna@example.com', salary: 1 } })
  expect(Object.keys(tally.rows(NOW, 'UTC')[1]!.assignee!)).toEqual(['id', 'name', 'profilePicture'])
})

test('today follows the time zone: one tally answers every zone', () => {
  const lateEvening = Date.UTC(2026, 2, 18, 23, 30)
  const tally = createWorkloadTally()
  tally.add({ _id: 'z', assignee: anna, dueDate: Date.UTC(2026, 2, 19, 8) })
  expect(tally.rows(lateEvening, 'Europe/Berlin')[1]!.dueToday).toBe(1)
  expect(tally.rows(lateEvening, 'UTC')[1]!.dueToday).toBe(0)
})

test('a tally made again from its shares, as plain data, answers the same rows in every zone', () => {
  const tally = createWorkloadTally()
  tally.add({ _id: '1', assignee: anna, dueDate: NOW - HOUR })
  tally.add({ _id: '2', assignee: bert, dueDate: NOW + 30 * HOUR })
  tally.add({ _id: '3', assignee: null, dueDate: NOW + 2 * HOUR })
  const again = createWorkloadTally(JSON.parse(JSON.stringify(tally.shares())) as ReturnType<typeof tally.shares>)
  for (const zone of ['UTC', 'Pacific/Auckland', 'America/Los_Angeles']) {
    expect(again.rows(NOW, zone)).toEqual(tally.rows(NOW, zone))
  }
})
