import { expect, test } from 'vitest'
import { toWireParams, type TaskListQuery } from './list-query.ts'

const base: TaskListQuery = { limit: 50, offset: 0 }

test('always sends limit and offset', () => {
  expect(toWireParams(base).toString()).toBe('limit=50&offset=0')
})

test('sends sort in the JSON form the live API accepts', () => {
  const params = toWireParams({ ...base, sort: { by: 'dueDate', direction: 1 } })
  expect(params.get('sort')).toBe('{"by":"dueDate","direction":1}')
  expect(toWireParams({ ...base, sort: { by: 'status.createdAt', direction: -1 } }).get('sort')).toBe(
    '{"by":"status.createdAt","direction":-1}',
  )
})

test.each([
  ['taskStatus', { taskStatus: ['new', 'open'] }, 'new,open'],
  ['userIds', { userIds: ['unassigned_jobs', 'a'.repeat(24)] }, `unassigned_jobs,${'a'.repeat(24)}`],
  ['priority', { priority: ['high', 'urgent'] }, 'high,urgent'],
  ['taskType', { taskType: ['b'.repeat(24)] }, 'b'.repeat(24)],
  ['customer', { customer: ['c'.repeat(24), 'd'.repeat(24)] }, `${'c'.repeat(24)},${'d'.repeat(24)}`],
])('sends %s as one comma-separated value', (name, patch, expected) => {
  const params = toWireParams({ ...base, ...patch })
  expect(params.getAll(name)).toEqual([expected])
})

test('drops empty and repeated list items and omits empty lists', () => {
  const params = toWireParams({ ...base, priority: ['high', ' ', 'high', 'low'], taskStatus: [] })
  expect(params.get('priority')).toBe('high,low')
  expect(params.has('taskStatus')).toBe(false)
})

test('sends the recurring filter as true or false', () => {
  expect(toWireParams({ ...base, taskFromRecurringTemplate: true }).get('taskFromRecurringTemplate')).toBe('true')
  expect(toWireParams({ ...base, taskFromRecurringTemplate: false }).get('taskFromRecurringTemplate')).toBe('false')
  expect(toWireParams(base).has('taskFromRecurringTemplate')).toBe(false)
})

test('trims the search text and leaves out a blank one', () => {
  expect(toWireParams({ ...base, taskByTitleIdentifier: '  REC-1042 ' }).get('taskByTitleIdentifier')).toBe('REC-1042')
  expect(toWireParams({ ...base, taskByTitleIdentifier: '   ' }).has('taskByTitleIdentifier')).toBe(false)
})

test('writes parameters in a fixed order whatever the object order', () => {
  const a = toWireParams({ priority: ['high'], limit: 25, taskStatus: ['new'], offset: 25 })
  const b = toWireParams({ offset: 25, taskStatus: ['new'], limit: 25, priority: ['high'] })
  expect(a.toString()).toBe(b.toString())
  expect([...a.keys()]).toEqual(['limit', 'offset', 'taskStatus', 'priority'])
})
