import { expect, test } from 'vitest'
import type { DemoTask } from './entities.ts'
import { buildTaskOrders, walkInOrder, type TaskSortField } from './task-order.ts'

/** Just the fields the orders read; the rest of a task does not matter here. */
function task(id: string, fields: Partial<DemoTask>): DemoTask {
  return {
    _id: id.padStart(24, '0'),
    title: 'x',
    identifierNumber: 1,
    number: 1,
    taskStatus: 'new',
    dueDate: null,
    firstStartedAt: null,
    firstTerminatedAt: null,
    status: {
      status: 1,
      createdAt: '2026-01-01T00:00:00Z',
      createdBy: '',
      lastModifiedAt: '2026-01-01T00:00:00Z',
      lastModifiedBy: '',
    },
    ...fields,
  } as DemoTask
}

const tasks = [
  task('5', { dueDate: 2000, priority: 'high', title: 'Boiler', taskStatus: 'open' }),
  task('3', { dueDate: '1970-01-01T00:00:01.000Z', priority: 'critical', title: 'boiler', taskStatus: null }),
  task('9', { dueDate: null, title: 'Ärger', taskStatus: 'waiting_for_parts' }),
  task('1', { dueDate: 2000, priority: 'low', title: 'Haus 10', taskStatus: 'cancelled' }),
  task('7', { dueDate: 3000, priority: 'urgent', title: 'Haus 2', taskStatus: 'new' }),
  task('2', { priority: 'asap', title: 'zebra', taskStatus: 'on_hold' }),
]
const orders = buildTaskOrders(tasks)

function walk(field: TaskSortField, direction: 1 | -1, stopAfter = Infinity): string[] {
  const order = orders.get(field)!
  const seen: string[] = []
  walkInOrder(order, direction, (index) => {
    seen.push(tasks[index]!._id.replace(/^0+/, ''))
    return seen.length < stopAfter
  })
  return seen
}

test('dates order by instant whatever their shape; ties by _id in both directions; none last in both', () => {
  expect(walk('dueDate', 1)).toEqual(['3', '1', '5', '7', '2', '9'])
  expect(walk('dueDate', -1)).toEqual(['7', '1', '5', '3', '2', '9'])
})

test('priority: by urgency, then unknown values alphabetically, then none', () => {
  expect(walk('priority', 1)).toEqual(['1', '5', '7', '2', '3', '9'])
  expect(walk('priority', -1)).toEqual(['3', '2', '7', '5', '1', '9'])
})

test('taskStatus: by workflow, then unknown values alphabetically, then none', () => {
  expect(walk('taskStatus', 1)).toEqual(['7', '5', '1', '2', '9', '3'])
  expect(walk('taskStatus', -1)).toEqual(['9', '2', '1', '5', '7', '3'])
})

test('text: case-insensitive, accents near their letter, numbers by value; equal text ties by _id', () => {
  expect(walk('title', 1)).toEqual(['9', '3', '5', '7', '1', '2'])
  expect(walk('title', -1)).toEqual(['2', '1', '7', '3', '5', '9'])
})

test('the walk stops when told to', () => {
  expect(walk('dueDate', -1, 2)).toEqual(['7', '1'])
})
