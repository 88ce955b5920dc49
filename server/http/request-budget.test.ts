import { expect, test } from 'vitest'
import { createRequestBudget } from './request-budget.ts'

test('a budget allows so many requests per key in any sliding minute', () => {
  let now = 0
  const budget = createRequestBudget(3, () => now)
  expect([budget.take('a'), budget.take('a'), budget.take('a'), budget.take('a')]).toEqual([true, true, true, false])
  expect(budget.take('b')).toBe(true)
  now = 59_999
  expect(budget.take('a')).toBe(false)
  now = 60_000
  expect(budget.take('a')).toBe(true)
  expect(budget.spent('a')).toBe(1)
})
