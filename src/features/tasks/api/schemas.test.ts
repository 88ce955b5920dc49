import { expect, test } from 'vitest'
import { parseTimestamp, taskSchema, userSchema } from './schemas.ts'

const ISO = '2026-11-29T09:30:00.000Z'
const EPOCH = Date.parse(ISO)

test.each([
  ['epoch milliseconds', EPOCH, EPOCH],
  ['epoch seconds', EPOCH / 1000, EPOCH],
  ['ISO string', ISO, EPOCH],
  ['ISO string without zone designator', '2026-11-29', Date.parse('2026-11-29')],
  ['numeric string', String(EPOCH), EPOCH],
  ['null', null, null],
  ['undefined', undefined, null],
  ['garbage string', 'next tuesday', null],
  ['empty string', '', null],
  ['NaN', Number.NaN, null],
  ['Infinity', Number.POSITIVE_INFINITY, null],
  ['a number beyond what a Date can hold', 1e20, null],
  ['an ISO string beyond what a Date can hold', '+275760-09-14T00:00:00.000Z', null],
  ['object', { $date: ISO }, null],
  ['boolean', true, null],
])('reads a timestamp given as %s', (_, input, expected) => {
  expect(parseTimestamp(input)).toBe(expected)
})

const minimalTask = {
  _id: '64b7f0c2a1b2c3d4e5f60718',
  title: 'Treppenhausreinigung Haus B',
  identifierNumber: 1042,
  status: { status: 1, createdAt: ISO, createdBy: 'u1', lastModifiedAt: EPOCH, lastModifiedBy: 'u2' },
}

test('reads a minimal task and fills the rest with empty values', () => {
  const task = taskSchema.parse(minimalTask)
  expect(task).toMatchObject({
    _id: minimalTask._id,
    title: 'Treppenhausreinigung Haus B',
    identifierNumber: 1042,
    taskStatus: null,
    assignee: null,
    dueDate: null,
    tags: [],
    priority: null,
    taskTemplate: null,
  })
  expect(task.status.createdAt).toBe(EPOCH)
  expect(task.status.lastModifiedAt).toBe(EPOCH)
  expect(task.related.customers).toEqual([])
})

test('keeps unknown status and priority strings as they are', () => {
  const task = taskSchema.parse({ ...minimalTask, taskStatus: 'waiting_for_parts', priority: 'critical' })
  expect(task.taskStatus).toBe('waiting_for_parts')
  expect(task.priority).toBe('critical')
})

test('reads every date field in every shape', () => {
  const task = taskSchema.parse({
    ...minimalTask,
    dueDate: EPOCH,
    firstStartedAt: ISO,
    firstTerminatedAt: null,
    complaintCreatedAt: 'not a date',
  })
  expect([task.dueDate, task.firstStartedAt, task.firstTerminatedAt, task.complaintCreatedAt]).toEqual([
    EPOCH,
    EPOCH,
    null,
    null,
  ])
})

test('drops broken decorative fields instead of the task', () => {
  const task = taskSchema.parse({
    ...minimalTask,
    title: 42,
    tags: ['ok', 7, null, 'fine'],
    assignee: { name: 'no id' },
    related: { customers: [{ entityId: 'c1', name: 'Stadtwerke' }, 'junk'], objects: 'nope' },
    taskTemplate: 'weekly',
  })
  expect(task.title).toBeNull()
  expect(task.tags).toEqual(['ok', 'fine'])
  expect(task.assignee).toBeNull()
  expect(task.related.customers).toEqual([{ entityId: 'c1', name: 'Stadtwerke', profilePicture: null }])
  expect(task.related.objects).toEqual([])
  expect(task.taskTemplate).toBeNull()
})

test('rejects a task without _id or without its status object', () => {
  const { _id: _, ...noId } = minimalTask
  expect(taskSchema.safeParse(noId).success).toBe(false)
  expect(taskSchema.safeParse({ ...minimalTask, status: 'active' }).success).toBe(false)
})

test('reads a user as id, name and picture only', () => {
  const user = userSchema.parse({
    _id: 'u1',
    general: { firstName: 'Anna', lastName: 'Schmidt', profileImage: '/a.svg', insuranceNumber: '12 345678 A 123' },
    address: { street: 'Hauptstraße 1' },
  })
  expect(user).toEqual({ id: 'u1', firstName: 'Anna', lastName: 'Schmidt', name: 'Anna Schmidt', picture: '/a.svg' })
})
