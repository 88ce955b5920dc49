import { expect, test } from 'vitest'
import { DEFAULT_BOARD } from '../../../../shared/tasks/url-state/board-state.ts'
import { countActiveFilters } from './active-filter-count.ts'

test('counts one per filter value, as the chips do, and leaves the search text out', () => {
  expect(countActiveFilters(DEFAULT_BOARD)).toBe(0)
  expect(countActiveFilters({ ...DEFAULT_BOARD, q: 'boiler' })).toBe(0)
  expect(countActiveFilters({ ...DEFAULT_BOARD, priority: ['urgent', 'high'], recurring: false })).toBe(3)
  expect(countActiveFilters({ ...DEFAULT_BOARD, assignee: ['a'], type: ['b'], customer: ['c'], recurring: true })).toBe(
    4,
  )
})
