import { expect, test } from 'vitest'
import { CLEAR_FILTERS, DEFAULT_BOARD, FILTER_KEYS, filterKey, hasFilters, type BoardState } from './board-state.ts'

test('clearing filters resets every filter key and nothing else', () => {
  expect(Object.keys(CLEAR_FILTERS).sort()).toEqual([...FILTER_KEYS].sort())
  const busy: BoardState = {
    ...DEFAULT_BOARD,
    tab: 'completed',
    q: 'boiler',
    assignee: ['me'],
    priority: ['high'],
    type: ['t1'],
    customer: ['c1'],
    recurring: true,
    page: 3,
    size: 100,
  }
  expect({ ...busy, ...CLEAR_FILTERS }).toEqual({ ...DEFAULT_BOARD, tab: 'completed', page: 3, size: 100 })
})

test.each([
  ['q', { q: 'x' }],
  ['assignee', { assignee: ['unassigned'] }],
  ['priority', { priority: ['low'] }],
  ['type', { type: ['t'] }],
  ['customer', { customer: ['c'] }],
  ['recurring', { recurring: false }],
] as const)('a view with %s set has filters', (_, patch) => {
  expect(hasFilters({ ...DEFAULT_BOARD, ...patch })).toBe(true)
  expect(filterKey({ ...DEFAULT_BOARD, ...patch })).not.toBe(filterKey(DEFAULT_BOARD))
})

test('tab, sort, page and size are not filters', () => {
  const board: BoardState = { ...DEFAULT_BOARD, tab: 'all', sort: { field: 'title', direction: 1 }, page: 2, size: 25 }
  expect(hasFilters(board)).toBe(false)
  expect(filterKey(board)).toBe(filterKey(DEFAULT_BOARD))
})
