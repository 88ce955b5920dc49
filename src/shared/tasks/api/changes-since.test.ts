import { expect, test } from 'vitest'
import { tallyChanges, type ChangeMarks } from './changes-since.ts'

const SINCE = Date.UTC(2026, 11, 7, 14, 2)
const marks = (...pairs: [modified: number | null, created: number | null][]): ChangeMarks[] =>
  pairs.map(([modified, created]) => ({ modified, created }))

test('counts tasks made since as new, others changed since as changed, down to the moment', () => {
  const read = marks([SINCE + 3, SINCE + 1], [SINCE + 2, SINCE - 9], [SINCE + 1, null], [SINCE, SINCE], [SINCE - 1, 0])
  expect(tallyChanges(read, SINCE, true)).toEqual({ new: 1, changed: 2, more: false })
  // Read only in part, but the changes end within what was read: nothing more to say.
  expect(tallyChanges(read, SINCE, false)).toEqual({ new: 1, changed: 2, more: false })
})

test('a list that changed all the way down may go on, unless it was the whole view', () => {
  const read = marks([SINCE + 2, SINCE + 1], [SINCE + 1, 0])
  expect(tallyChanges(read, SINCE, false)).toEqual({ new: 1, changed: 1, more: true })
  expect(tallyChanges(read, SINCE, true)).toEqual({ new: 1, changed: 1, more: false })
  expect(tallyChanges([], SINCE, false)).toEqual({ new: 0, changed: 0, more: false })
})

test('a task whose time of change cannot be read ends the changes: nobody can say it changed', () => {
  expect(tallyChanges(marks([SINCE + 5, 0], [null, 0], [SINCE + 4, 0]), SINCE, false)).toEqual({
    new: 0,
    changed: 1,
    more: false,
  })
})
