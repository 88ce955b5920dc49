import { expect, test } from 'vitest'
import { countsAnswerSchema, countSchema, workloadSchema } from './figure-schemas.ts'

test.each([
  [
    { state: 'exact', count: 437, asOf: 1 },
    { state: 'exact', count: 437, asOf: 1 },
  ],
  [
    { state: 'exact', count: 0, asOf: 1, reason: 'rateLimited' },
    { state: 'exact', count: 0, asOf: 1, reason: 'rateLimited' },
  ],
  [
    { state: 'atLeast', count: 512, asOf: 1, reason: 'something new' },
    { state: 'atLeast', count: 512, asOf: 1, reason: 'unavailable' },
  ],
])('reads %j', (input, expected) => {
  expect(countSchema.parse(input)).toEqual(expected)
})

test.each([
  { state: 'exact', count: -1, asOf: 1 },
  { state: 'exact', count: 1.5, asOf: 1 },
  { state: 'exact', count: '3', asOf: 1 },
  { state: 'roughly', count: 3, asOf: 1 },
  { state: 'exact', count: 3 },
  null,
])('refuses %j', (input) => {
  expect(countSchema.safeParse(input).success).toBe(false)
})

test('an answer with one unreadable count is unreadable as a whole', () => {
  expect(countsAnswerSchema.safeParse({ counts: [{ state: 'exact', count: 1, asOf: 1 }, {}] }).success).toBe(false)
  expect(countsAnswerSchema.safeParse({ counts: 'none' }).success).toBe(false)
})

test('a workload keeps what the page shows, with a missing picture as none', () => {
  const parsed = workloadSchema.parse({
    asOf: 5,
    timeZone: 'UTC',
    covered: 3,
    truncated: false,
    activeStatuses: ['new'],
    rows: [
      { assignee: null, active: 1, overdue: 0, dueToday: 0, dueThisWeek: 0 },
      { assignee: { id: 'a', name: 'Anna' }, active: 2, overdue: 1, dueToday: 1, dueThisWeek: 2 },
    ],
    stale: { reason: 'rateLimited', message: 'wait' },
  })
  expect(parsed.rows[1]?.assignee).toEqual({ id: 'a', name: 'Anna', profilePicture: null })
  expect(parsed.stale?.reason).toBe('rateLimited')
  expect(workloadSchema.safeParse({ ...parsed, rows: [{ assignee: null, active: -2 }] }).success).toBe(false)
})
