import { describe, expect, test } from 'vitest'
import type { DemoTask, TaskRelations } from './entities.ts'
import { demoApiForFile, taskIds as ids } from '../testing/test-api.ts'

const file = demoApiForFile({ taskCount: 3000 })

function firstWith<T>(pick: (task: DemoTask) => T | undefined | null): T {
  for (const task of file.all) {
    const value = pick(task)
    if (value !== undefined && value !== null) return value
  }
  throw new Error('no task has the value the test needs')
}

/**
 * Asserts a filter against an independent reading of the data: the total
 * is exactly the number of tasks the predicate accepts, it filters something
 * out, and every returned row passes.
 */
async function expectFilter(query: string, matches: (task: DemoTask) => boolean): Promise<DemoTask[]> {
  const expected = file.all.filter(matches)
  const { rows, total } = await file.api.listTasks(`limit=1000&${query}`)
  expect(expected.length, `${query} should match some tasks`).toBeGreaterThan(0)
  expect(expected.length, `${query} should not match every task`).toBeLessThan(file.all.length)
  expect(total).toBe(expected.length)
  expect(rows.length).toBe(Math.min(1000, expected.length))
  for (const row of rows) expect(matches(row), `${row._id} should match ${query}`).toBe(true)
  return rows
}

test('the list is a plain array of all tasks, newest first by default, 100 to a page', async () => {
  expect(file.all).toHaveLength(3000)
  expect(new Set(ids(file.all)).size).toBe(3000)
  const response = await file.api.request('/tasks/')
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toMatch(/^application\/json/)
  expect(response.headers.get('x-total-count')).toBeNull()
  const rows = (await response.json()) as DemoTask[]
  expect(ids(rows)).toEqual(ids(file.all.slice(0, 100)))
  const created = file.all.map((task) => Date.parse(task.status.createdAt))
  expect(created).toEqual([...created].sort((a, b) => b - a))
})

test('answers /tasks without the trailing slash, and ignores parameters it does not know', async () => {
  const plain = await file.api.getJson<DemoTask[]>('/tasks?limit=7')
  const unknown = await file.api.getJson<DemoTask[]>('/tasks/?limit=7&colour=blue&page=3')
  expect(ids(plain)).toEqual(ids(file.all.slice(0, 7)))
  expect(ids(unknown)).toEqual(ids(file.all.slice(0, 7)))
})

describe('filters', () => {
  const related = (kind: keyof TaskRelations) => (task: DemoTask) => task.related[kind].map((entity) => entity.entityId)

  test('customer: any of the ids among related customers', async () => {
    const first = firstWith((task) => task.related.customers[0]?.entityId)
    const second = file.all.map((task) => task.related.customers[0]?.entityId).find((id) => id && id !== first)!
    const wanted = [first, second]
    await expectFilter(`customer=${wanted.join(',')}`, (task) =>
      task.related.customers.some((entity) => wanted.includes(entity.entityId)),
    )
  })

  test('userIds: the assignee is one of the users', async () => {
    const user = firstWith((task) => task.assignee?.entityId)
    await expectFilter(`userIds=${user}`, (task) => task.assignee?.entityId === user)
  })

  test('userIds=unassigned_jobs: no assignee, whether null or absent', async () => {
    const rows = await expectFilter('userIds=unassigned_jobs', (task) => task.assignee == null)
    expect(rows.some((task) => task.assignee === null)).toBe(true)
    expect(rows.some((task) => !('assignee' in task))).toBe(true)
  })

  test('userIds: unassigned_jobs combined with ids gives either', async () => {
    const user = firstWith((task) => task.assignee?.entityId)
    const rows = await expectFilter(
      `userIds=unassigned_jobs,${user}`,
      (task) => task.assignee == null || task.assignee.entityId === user,
    )
    expect(rows.some((task) => task.assignee == null)).toBe(true)
    expect(rows.some((task) => task.assignee?.entityId === user)).toBe(true)
  })

  test('taskAssignee: the assignee is one of the users', async () => {
    const users = [...new Set(file.all.map((task) => task.assignee?.entityId).filter(Boolean))].slice(0, 3) as string[]
    await expectFilter(`taskAssignee=${users.join(',')}`, (task) => users.includes(task.assignee?.entityId ?? ''))
  })

  test.each([
    ['relatedContacts', 'contacts'],
    ['relatedUsers', 'users'],
    ['relatedObjects', 'objects'],
    ['relatedCustomers', 'customers'],
    ['relatedAssignments', 'assignments'],
    ['relatedInvoices', 'invoices'],
    ['relatedEquipments', 'equipment'],
  ] as const)('%s: the task relates to one of the %s', async (name, kind) => {
    const id = firstWith((task) => related(kind)(task)[0])
    await expectFilter(`${name}=${id}`, (task) => related(kind)(task).includes(id))
  })

  test('taskByTitleIdentifier: words of the title, any case, trimmed', async () => {
    const rows = await expectFilter(`taskByTitleIdentifier=${encodeURIComponent('  HEIZ ')}`, (task) =>
      task.title.toLowerCase().includes('heiz'),
    )
    expect(rows.some((task) => task.title.includes('Heizung'))).toBe(true)
  })

  test('taskByTitleIdentifier: an identifier PREFIX-N finds that task, in any case', async () => {
    const types = await file.api.getJson<{ _id: string; prefix: string }[]>('/taskTypes/')
    const task = file.all.find((candidate) => candidate.taskType !== null && candidate.identifierNumber > 1010)!
    const prefix = types.find((type) => type._id === task.taskTypeId)!.prefix
    for (const term of [`${prefix}-${task.identifierNumber}`, `${prefix.toLowerCase()}-${task.identifierNumber}`]) {
      const { rows } = await file.api.listTasks(`taskByTitleIdentifier=${term}`)
      expect(ids(rows)).toEqual([task._id])
    }
  })

  test('taskByTitleIdentifier: a bare number finds that identifier number in every type', async () => {
    // Every type has reached 1005 in 3000 tasks.
    const number = 1005
    const rows = await expectFilter(
      `taskByTitleIdentifier=${number}`,
      (task) => task.identifierNumber === number || task.title.includes(String(number)),
    )
    expect(new Set(rows.map((task) => task.taskTypeId)).size).toBeGreaterThan(1)
  })

  test('taskByTitleIdentifier: empty means no filter', async () => {
    const { total } = await file.api.listTasks('taskByTitleIdentifier=%20%20')
    expect(total).toBe(file.all.length)
  })

  test('taskStatus: one state or a list of them', async () => {
    await expectFilter('taskStatus=in_review', (task) => task.taskStatus === 'in_review')
    await expectFilter('taskStatus=new,open', (task) => task.taskStatus === 'new' || task.taskStatus === 'open')
  })

  test('priority: exact strings, the undocumented ones too', async () => {
    await expectFilter('priority=high,urgent', (task) => task.priority === 'high' || task.priority === 'urgent')
    await expectFilter('priority=critical', (task) => task.priority === 'critical')
  })

  test('callId: the call the task came from', async () => {
    const call = firstWith((task) => task.callId)
    await expectFilter(`callId=${call}`, (task) => task.callId === call)
  })

  test('taskType: one of the types', async () => {
    const type = file.all[0]!.taskTypeId
    await expectFilter(`taskType=${type}`, (task) => task.taskTypeId === type)
  })

  test('taskFromRecurringTemplate: true and false split the tasks', async () => {
    const recurring = await expectFilter(
      'taskFromRecurringTemplate=true',
      (task) => task.taskTemplate?.recurring === true,
    )
    const others = await expectFilter(
      'taskFromRecurringTemplate=false',
      (task) => task.taskTemplate?.recurring !== true,
    )
    expect(recurring.length + (await file.api.listTasks('taskFromRecurringTemplate=false')).total).toBe(file.all.length)
    expect(others.some((task) => task.taskTemplate?.recurring === false)).toBe(true)
  })

  test('status: the entity state, as integers', async () => {
    await expectFilter('status=2', (task) => task.status.status === 2)
    await expectFilter('status=1', (task) => task.status.status === 1)
  })

  test('taskTabs is accepted and changes nothing', async () => {
    const { total, rows } = await file.api.listTasks('limit=20&taskTabs=my_tasks,whatever')
    expect(total).toBe(file.all.length)
    expect(ids(rows)).toEqual(ids(file.all.slice(0, 20)))
  })

  test('different filters must all hold', async () => {
    const type = file.all[0]!.taskTypeId
    const user = firstWith((task) => task.assignee?.entityId)
    await expectFilter(
      `taskType=${type}&priority=high&taskStatus=open,in_progress&userIds=unassigned_jobs,${user}`,
      (task) =>
        task.taskTypeId === type &&
        task.priority === 'high' &&
        (task.taskStatus === 'open' || task.taskStatus === 'in_progress') &&
        (task.assignee == null || task.assignee.entityId === user),
    )
  })

  test('list parameters read the same in every form: comma, repeated, [] and mixed; empty items are dropped', async () => {
    const forms = [
      'priority=high,urgent',
      'priority=high&priority=urgent',
      'priority[]=high&priority[]=urgent',
      'priority=high&priority[]=urgent',
      'priority=,high,,urgent,',
      `priority=${encodeURIComponent(' high , urgent ')}`,
    ]
    const results = await Promise.all(forms.map((form) => file.api.listTasks(`limit=300&${form}`)))
    const expected = ids(
      file.all.filter((task) => task.priority === 'high' || task.priority === 'urgent').slice(0, 300),
    )
    for (const [index, result] of results.entries()) expect(ids(result.rows), forms[index]).toEqual(expected)
  })

  test('ids compare case-insensitively', async () => {
    const type = file.all[0]!.taskTypeId
    const { total } = await file.api.listTasks(`taskType=${type.toUpperCase()}`)
    expect(total).toBe(file.all.filter((task) => task.taskTypeId === type).length)
  })
})
