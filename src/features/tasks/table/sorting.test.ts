import { expect, test } from 'vitest'
import { DEFAULT_BOARD } from '../../../shared/tasks/url-state/board-state.ts'
import { ariaSortOf, nextSort } from './sorting.ts'

test('a click on another column sorts it ascending, then descending, then back to the default', () => {
  const first = nextSort(DEFAULT_BOARD.sort, 'dueDate')
  expect(first).toEqual({ field: 'dueDate', direction: 1 })
  const second = nextSort(first, 'dueDate')
  expect(second).toEqual({ field: 'dueDate', direction: -1 })
  expect(nextSort(second, 'dueDate')).toEqual(DEFAULT_BOARD.sort)
})

test('the default column flips between its directions', () => {
  const asc = nextSort(DEFAULT_BOARD.sort, 'status.createdAt')
  expect(asc).toEqual({ field: 'status.createdAt', direction: 1 })
  expect(nextSort(asc, 'status.createdAt')).toEqual(DEFAULT_BOARD.sort)
})

test('aria-sort names the direction of the sorted column only', () => {
  expect(ariaSortOf({ field: 'title', direction: 1 }, 'title')).toBe('ascending')
  expect(ariaSortOf({ field: 'title', direction: -1 }, 'title')).toBe('descending')
  expect(ariaSortOf({ field: 'title', direction: 1 }, 'dueDate')).toBe('none')
  expect(ariaSortOf({ field: 'title', direction: 1 }, undefined)).toBe('none')
})
