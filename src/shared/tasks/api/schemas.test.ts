import { expect, test } from 'vitest'
import { parseTimestamp, taskSchema, taskTypeSchema, userSchema, type Task } from './schemas.ts'

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

test('keeps the task and marks fields of the wrong kind unreadable, never empty', () => {
  const task = taskSchema.parse({
    ...minimalTask,
    title: 42,
    tags: ['ok', 7, null, 'fine'],
    assignee: { name: 'no id' },
    related: { customers: [{ entityId: 'c1', name: 'Stadtwerke' }, 'junk'], objects: 'nope' },
    taskTemplate: 'weekly',
  })
  expect(task.title).toEqual({ unreadable: 'number', raw: '42' })
  expect(task.tags).toEqual(['ok', { unreadable: 'number', raw: '7' }, 'fine'])
  expect(task.assignee).toEqual({ unreadable: 'incomplete', raw: null })
  expect(task.related.customers).toEqual([
    { entityId: 'c1', name: 'Stadtwerke', profilePicture: null },
    { unreadable: 'string', raw: 'junk' },
  ])
  expect(task.related.objects).toEqual([{ unreadable: 'string', raw: 'nope' }])
  expect(task.taskTemplate).toEqual({ unreadable: 'string', raw: 'weekly' })
})

const marker = (kind: string, value?: string) =>
  value === undefined ? { $unreadable: kind } : { $unreadable: kind, value }

test.each([
  ['title', marker('number', '42'), { unreadable: 'number', raw: '42' }],
  ['taskStatus', marker('number', '42'), { unreadable: 'number', raw: '42' }],
  ['priority', marker('object'), { unreadable: 'object', raw: null }],
  ['assignee', marker('string'), { unreadable: 'string', raw: null }],
  ['taskTemplate', marker('array'), { unreadable: 'array', raw: null }],
  ['identifierNumber', marker('string', 'REC-7'), { unreadable: 'string', raw: 'REC-7' }],
  ['contactPerson', marker('weird kind!'), { unreadable: 'unknown', raw: null }],
])('reads the server’s marker in %s as unreadable', (field, sent, expected) => {
  expect(taskSchema.parse({ ...minimalTask, [field]: sent })[field as keyof Task]).toEqual(expected)
})

test('a marker inside an entity says what failed in it', () => {
  const task = taskSchema.parse({
    ...minimalTask,
    assignee: { entityId: marker('number', '5'), name: 'Anna' },
    taskTemplate: { entityId: 't1', templateName: marker('number', '3'), recurring: true },
  })
  expect(task.assignee).toEqual({ unreadable: 'number', raw: '5' })
  expect(task.taskTemplate).toEqual({
    entityId: 't1',
    templateName: { unreadable: 'number', raw: '3' },
    recurring: true,
  })
  expect(taskSchema.parse({ ...minimalTask, assignee: { entityId: 'u1', name: marker('object') } }).assignee).toEqual({
    entityId: 'u1',
    name: { unreadable: 'object', raw: null },
    profilePicture: null,
  })
})

test('a long raw value is not shown, only its kind', () => {
  const long = 'x'.repeat(41)
  expect(taskSchema.parse({ ...minimalTask, title: marker('number', long) }).title).toEqual({
    unreadable: 'number',
    raw: null,
  })
})

test('a task whose dates or status object the server could not read is not shown', () => {
  expect(taskSchema.safeParse({ ...minimalTask, status: marker('string') }).success).toBe(false)
  expect(taskSchema.safeParse({ ...minimalTask, dueDate: marker('object') }).success).toBe(false)
  expect(
    taskSchema.safeParse({ ...minimalTask, status: { ...minimalTask.status, createdAt: marker('boolean') } }).success,
  ).toBe(false)
  expect(taskSchema.safeParse({ ...minimalTask, _id: marker('number') }).success).toBe(false)
})

test('absent and null stay empty, not unreadable', () => {
  const task = taskSchema.parse({ ...minimalTask, title: null, assignee: null, tags: null })
  expect([task.title, task.assignee, task.taskStatus, task.taskTemplate]).toEqual([null, null, null, null])
  expect(task.tags).toEqual([])
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

test('a NUL in any text is read as the replacement character, as the HTML parser would show it', () => {
  const task = taskSchema.parse({
    ...minimalTask,
    title: 'Boiler\u0000 check',
    tags: ['a\u0000'],
    assignee: { entityId: 'u1', name: 'Anna\u0000 Schmidt' },
  })
  expect(task.title).toBe('Boiler\uFFFD check')
  expect(task.tags).toEqual(['a\uFFFD'])
  expect(task.assignee).toMatchObject({ name: 'Anna\uFFFD Schmidt' })
  expect(taskTypeSchema.parse({ _id: 't1', name: 'Rep\u0000', prefix: 'R\u0000P', color: '#000' })).toMatchObject({
    name: 'Rep\uFFFD',
    prefix: 'R\uFFFDP',
  })
})
