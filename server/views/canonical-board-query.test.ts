import fc from 'fast-check'
import { expect, test } from 'vitest'
import { formatCanonicalBoardQuery } from './canonical-board-query.ts'

const ID_A = 'aaaaaaaaaaaaaaaaaaaaaaaa'
const ID_B = 'bbbbbbbbbbbbbbbbbbbbbbbb'

test.each([
  ['', ''],
  ['?tab=active&size=50&page=3', ''],
  ['page=2&tab=open', 'tab=open'],
  ['size=100&tab=all&q=%20boiler%20', 'tab=all&q=boiler&size=100'],
  [
    `assignee=${ID_B},me,${ID_A},me,unassigned&priority=low,zeta,urgent,alpha`,
    `assignee=unassigned%2Cme%2C${ID_A}%2C${ID_B}&priority=urgent%2Clow%2Calpha%2Czeta`,
  ],
  [`type=${ID_B}&type=${ID_A}&customer=nope`, `type=${ID_A}%2C${ID_B}`],
  ['recurring=yes&sort=dueDate:asc', 'sort=dueDate%3Aasc'],
  ['sort=status.createdAt:desc&recurring=false', 'recurring=false'],
  ['tab=bogus&size=7&sort=salary:asc&utm_source=mail', ''],
  ['changed=2026-12-07T14:02:00.000Z&tab=open&sort=dueDate:asc', 'tab=open&sort=dueDate%3Aasc'],
])('%s → %s', (input, expected) => {
  expect(formatCanonicalBoardQuery(input)).toBe(expected)
})

test('never throws, and canonical strings are fixed points', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 300 }), (input) => {
      const once = formatCanonicalBoardQuery(input)
      expect(formatCanonicalBoardQuery(once)).toBe(once)
      expect(once).not.toMatch(/(^|&)page=/)
    }),
  )
})
