import { expect, test } from 'vitest'
import { DEFAULT_BOARD } from './board-state.ts'
import { personBoardHref, workloadHref } from './paths.ts'
import {
  DEFAULT_WORKLOAD_ORDER,
  formatWorkloadOrder,
  nextWorkloadOrder,
  parseWorkloadOrder,
  WORKLOAD_COLUMNS,
} from './workload-order.ts'

test.each([
  ['order=overdue:desc', { column: 'overdue', direction: 'desc' }],
  ['order=name:asc', DEFAULT_WORKLOAD_ORDER],
  ['order=overdue', DEFAULT_WORKLOAD_ORDER],
  ['order=title:asc', DEFAULT_WORKLOAD_ORDER],
  ['order=active:up', DEFAULT_WORKLOAD_ORDER],
  ['order=active:asc:x', DEFAULT_WORKLOAD_ORDER],
  ['', DEFAULT_WORKLOAD_ORDER],
])('reads %j', (search, order) => {
  expect(parseWorkloadOrder(new URLSearchParams(search))).toEqual(order)
})

test('every order survives the URL, and the default is left out', () => {
  for (const column of WORKLOAD_COLUMNS) {
    for (const direction of ['asc', 'desc'] as const) {
      const written = formatWorkloadOrder({ column, direction }, new URLSearchParams('priority=high'))
      expect(parseWorkloadOrder(written)).toEqual({ column, direction })
      expect(written.get('priority')).toBe('high')
    }
  }
  expect(formatWorkloadOrder(DEFAULT_WORKLOAD_ORDER, new URLSearchParams('order=active:asc')).toString()).toBe('')
})

test('a new column sorts numbers biggest first and names A to Z; the same column turns round', () => {
  expect(nextWorkloadOrder(DEFAULT_WORKLOAD_ORDER, 'overdue')).toEqual({ column: 'overdue', direction: 'desc' })
  expect(nextWorkloadOrder({ column: 'overdue', direction: 'desc' }, 'overdue')).toEqual({
    column: 'overdue',
    direction: 'asc',
  })
  expect(nextWorkloadOrder({ column: 'overdue', direction: 'desc' }, 'name')).toEqual(DEFAULT_WORKLOAD_ORDER)
})

test('the workload keeps the board view, and a person link narrows it to them', () => {
  const board = { ...DEFAULT_BOARD, tab: 'completed' as const, priority: ['urgent'], page: 4 }
  expect(workloadHref(board, { column: 'dueToday', direction: 'desc' })).toBe(
    '/workload?tab=completed&priority=urgent&page=4&order=dueToday:desc',
  )
  expect(personBoardHref(board, 'aaaaaaaaaaaaaaaaaaaaaaaa', 'active')).toBe(
    '/tasks?assignee=aaaaaaaaaaaaaaaaaaaaaaaa&priority=urgent',
  )
  expect(personBoardHref(board, null, 'due')).toBe('/tasks?assignee=unassigned&priority=urgent&sort=dueDate:asc')
})
