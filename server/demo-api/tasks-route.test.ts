import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { DemoTask, TaskRelations } from './entities.ts'
import { startTestApi, type TestApi } from './test-server.ts'

let api: TestApi
/** Every task, read through the API itself. */
let all: DemoTask[]

beforeAll(async () => {
  api = await startTestApi({ taskCount: 3000 })
  const pages = await Promise.all(
    [0, 1000, 2000].map((offset) => api.getJson<DemoTask[]>(`/tasks/?limit=1000&offset=${offset}`)),
  )
  all = pages.flat()
})

afterAll(async () => {
  await api.close()
})

const ids = (tasks: readonly DemoTask[]) => tasks.map((task) => task._id)

function firstWith<T>(pick: (task: DemoTask) => T | undefined | null): T {
  for (const task of all) {
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
  const expected = all.filter(matches)
  const { rows, total } = await api.listTasks(`limit=1000&${query}`)
  expect(expected.length, `${query} should match some tasks`).toBeGreaterThan(0)
  expect(expected.length, `${query} should not match every task`).toBeLessThan(all.length)
  expect(total).toBe(expected.length)
  expect(rows.length).toBe(Math.min(1000, expected.length))
  for (const row of rows) expect(matches(row), `${row._id} should match ${query}`).toBe(true)
  return rows
}

test('the list is a plain array of all tasks, newest first by default, 100 to a page', async () => {
  expect(all).toHaveLength(3000)
  expect(new Set(ids(all)).size).toBe(3000)
  const response = await api.request('/tasks/')
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toMatch(/^application\/json/)
  expect(response.headers.get('x-total-count')).toBeNull()
  const rows = (await response.json()) as DemoTask[]
  expect(ids(rows)).toEqual(ids(all.slice(0, 100)))
  const created = all.map((task) => Date.parse(task.status.createdAt))
  expect(created).toEqual([...created].sort((a, b) => b - a))
})

test('answers /tasks without the trailing slash, and ignores parameters it does not know', async () => {
  const plain = await api.getJson<DemoTask[]>('/tasks?limit=7')
  const unknown = await api.getJson<DemoTask[]>('/tasks/?limit=7&colour=blue&page=3')
  expect(ids(plain)).toEqual(ids(all.slice(0, 7)))
  expect(ids(unknown)).toEqual(ids(all.slice(0, 7)))
})

describe('filters', () => {
  const related = (kind: keyof TaskRelations) => (task: DemoTask) => task.related[kind].map((entity) => entity.entityId)

  test('customer: any of the ids among related customers', async () => {
    const first = firstWith((task) => task.related.customers[0]?.entityId)
    const second = all.map((task) => task.related.customers[0]?.entityId).find((id) => id && id !== first)!
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
    const users = [...new Set(all.map((task) => task.assignee?.entityId).filter(Boolean))].slice(0, 3) as string[]
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
    const types = await api.getJson<{ _id: string; prefix: string }[]>('/taskTypes/')
    const task = all.find((candidate) => candidate.taskType !== null && candidate.identifierNumber > 1010)!
    const prefix = types.find((type) => type._id === task.taskTypeId)!.prefix
    for (const term of [`${prefix}-${task.identifierNumber}`, `${prefix.toLowerCase()}-${task.identifierNumber}`]) {
      const { rows } = await api.listTasks(`taskByTitleIdentifier=${term}`)
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
    const { total } = await api.listTasks('taskByTitleIdentifier=%20%20')
    expect(total).toBe(all.length)
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
    const type = all[0]!.taskTypeId
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
    expect(recurring.length + (await api.listTasks('taskFromRecurringTemplate=false')).total).toBe(all.length)
    expect(others.some((task) => task.taskTemplate?.recurring === false)).toBe(true)
  })

  test('status: the entity state, as integers', async () => {
    await expectFilter('status=2', (task) => task.status.status === 2)
    await expectFilter('status=1', (task) => task.status.status === 1)
  })

  test('taskTabs is accepted and changes nothing', async () => {
    const { total, rows } = await api.listTasks('limit=20&taskTabs=my_tasks,whatever')
    expect(total).toBe(all.length)
    expect(ids(rows)).toEqual(ids(all.slice(0, 20)))
  })

  test('different filters must all hold', async () => {
    const type = all[0]!.taskTypeId
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
    const results = await Promise.all(forms.map((form) => api.listTasks(`limit=300&${form}`)))
    const expected = ids(all.filter((task) => task.priority === 'high' || task.priority === 'urgent').slice(0, 300))
    for (const [index, result] of results.entries()) expect(ids(result.rows), forms[index]).toEqual(expected)
  })

  test('ids compare case-insensitively', async () => {
    const type = all[0]!.taskTypeId
    const { total } = await api.listTasks(`taskType=${type.toUpperCase()}`)
    expect(total).toBe(all.filter((task) => task.taskTypeId === type).length)
  })
})

describe('sorting', () => {
  const FIELDS = [
    'title',
    'identifierNumber',
    'number',
    'taskStatus',
    'priority',
    'dueDate',
    'assignee.name',
    'status.createdAt',
    'status.lastModifiedAt',
    'firstStartedAt',
    'firstTerminatedAt',
  ] as const
  type Field = (typeof FIELDS)[number]
  const collator = new Intl.Collator('de', { sensitivity: 'accent', numeric: true })
  const STATUS_ORDER = ['new', 'open', 'in_progress', 'in_review', 'completed', 'cancelled']
  const PRIORITY_ORDER = ['low', 'medium', 'high', 'urgent']

  const time = (value: unknown) =>
    typeof value === 'number' ? value : typeof value === 'string' ? new Date(value).getTime() : null

  /** The field's value as a sortable thing, or null when the task has none. */
  function valueOf(task: DemoTask, field: Field): number | string | null {
    switch (field) {
      case 'title':
        return task.title
      case 'assignee.name':
        return task.assignee?.name ?? null
      case 'identifierNumber':
      case 'number':
        return task[field]
      case 'taskStatus':
        return task.taskStatus
      case 'priority':
        return task.priority ?? null
      case 'status.createdAt':
        return time(task.status.createdAt)
      case 'status.lastModifiedAt':
        return time(task.status.lastModifiedAt)
      default:
        return time(task[field])
    }
  }

  /** Known values in their order, then unknown ones alphabetically. */
  function compareEnum(a: string, b: string, known: readonly string[]): number {
    const rankA = known.includes(a) ? known.indexOf(a) : known.length
    const rankB = known.includes(b) ? known.indexOf(b) : known.length
    return rankA !== rankB ? rankA - rankB : rankA < known.length ? 0 : collator.compare(a, b)
  }

  function compareValues(a: number | string, b: number | string, field: Field): number {
    if (field === 'taskStatus') return compareEnum(String(a), String(b), STATUS_ORDER)
    if (field === 'priority') return compareEnum(String(a), String(b), PRIORITY_ORDER)
    if (typeof a === 'number' && typeof b === 'number') return a - b
    return collator.compare(String(a), String(b))
  }

  /** The first pair of neighbours out of order, described; null when the order is right. */
  function firstDisorder(rows: readonly DemoTask[], field: Field, direction: 1 | -1): string | null {
    for (let index = 1; index < rows.length; index += 1) {
      const before = rows[index - 1]!
      const after = rows[index]!
      const a = valueOf(before, field)
      const b = valueOf(after, field)
      const idsInOrder = before._id < after._id
      let ok: boolean
      if (a === null)
        ok = b === null && idsInOrder // Tasks without a value come last, in either direction, by _id.
      else if (b === null) ok = true
      else {
        const order = compareValues(a, b, field) * direction
        ok = order < 0 || (order === 0 && idsInOrder)
      }
      if (!ok) return `at ${index}: ${String(a)} (${before._id}) then ${String(b)} (${after._id})`
    }
    return null
  }

  /** The whole order of the 3000 tasks, in three pages. */
  async function sortedAll(sort: string): Promise<DemoTask[]> {
    const pages = await Promise.all(
      [0, 1000, 2000].map((offset) =>
        api.getJson<DemoTask[]>(`/tasks/?limit=1000&offset=${offset}&sort=${encodeURIComponent(sort)}`),
      ),
    )
    return pages.flat()
  }

  describe('every field, both directions, on a smaller data set read in one page', () => {
    let small: TestApi

    beforeAll(async () => {
      small = await startTestApi({ taskCount: 1000 })
    })

    afterAll(async () => {
      await small.close()
    })

    test.each(FIELDS.flatMap((field) => [[field, 1] as const, [field, -1] as const]))(
      'by %s, direction %d: values in order, ties by _id, none last',
      async (field, direction) => {
        const json = JSON.stringify({ by: field, direction })
        const [rows, colonForm] = await Promise.all([
          small.getJson<DemoTask[]>(`/tasks/?limit=1000&sort=${encodeURIComponent(json)}`),
          small.getJson<DemoTask[]>(`/tasks/?limit=1000&sort=${encodeURIComponent(`${field}:${direction}`)}`),
        ])
        expect(rows).toHaveLength(1000)
        expect(firstDisorder(rows, field, direction)).toBeNull()
        expect(ids(colonForm)).toEqual(ids(rows))
      },
    )
  })

  test('the JSON form also takes the direction as a string', async () => {
    const numeric = await api.getJson<DemoTask[]>(
      `/tasks/?limit=50&sort=${encodeURIComponent('{"by":"dueDate","direction":-1}')}`,
    )
    const text = await api.getJson<DemoTask[]>(
      `/tasks/?limit=50&sort=${encodeURIComponent('{"by":"dueDate","direction":"-1"}')}`,
    )
    expect(ids(text)).toEqual(ids(numeric))
  })

  test('dates in either shape sort by their instant, and the data has both shapes', async () => {
    const rows = await sortedAll('{"by":"dueDate","direction":1}')
    const withDue = rows.filter((task) => task.dueDate !== null)
    expect(withDue.some((task) => typeof task.dueDate === 'string')).toBe(true)
    expect(withDue.some((task) => typeof task.dueDate === 'number')).toBe(true)
    const instants = withDue.map((task) => time(task.dueDate)!)
    expect(instants).toEqual([...instants].sort((a, b) => a - b))
    expect(rows.slice(withDue.length).every((task) => task.dueDate === null)).toBe(true)
  })

  test('unknown priorities and states sort after the known ones, tasks without one last', async () => {
    const byPriority = await sortedAll('priority:1')
    const priorities = [...new Set(byPriority.map((task) => task.priority ?? '(none)'))]
    expect(priorities).toEqual(['low', 'medium', 'high', 'urgent', 'asap', 'critical', 'Hoch', '(none)'])
    const byStatus = await sortedAll('taskStatus:-1')
    const statuses = [...new Set(byStatus.map((task) => task.taskStatus ?? '(none)'))]
    const unknown = statuses.filter((status) => status !== '(none)' && !STATUS_ORDER.includes(status))
    expect(unknown.length).toBeGreaterThan(0)
    expect(statuses).toEqual([
      ...unknown.sort((a, b) => collator.compare(b, a)),
      ...[...STATUS_ORDER].reverse(),
      '(none)',
    ])
  })
})

describe('paging', () => {
  test('limit and offset page through the same order as one big page', async () => {
    for (const sort of [
      '',
      '&sort=priority:1',
      `&sort=${encodeURIComponent('{"by":"assignee.name","direction":-1}')}`,
    ]) {
      const pages = await Promise.all(
        [0, 50, 100, 150].map((offset) => api.getJson<DemoTask[]>(`/tasks/?limit=50&offset=${offset}${sort}`)),
      )
      const big = await api.getJson<DemoTask[]>(`/tasks/?limit=200${sort}`)
      expect(pages.every((page) => page.length === 50)).toBe(true)
      expect(ids(pages.flat())).toEqual(ids(big))
      expect(new Set(ids(big)).size).toBe(200)
    }
  })

  test('a page past the end is empty; the last page is short', async () => {
    expect(await api.getJson<DemoTask[]>('/tasks/?offset=3000')).toEqual([])
    expect(await api.getJson<DemoTask[]>('/tasks/?offset=2990&limit=1000')).toHaveLength(10)
    expect(await api.getJson<DemoTask[]>('/tasks/?limit=1000')).toHaveLength(1000)
  })

  test('filters apply before paging', async () => {
    const open = all.filter((task) => task.taskStatus === 'open')
    const page = await api.getJson<DemoTask[]>('/tasks/?taskStatus=open&limit=25&offset=25')
    expect(ids(page)).toEqual(ids(open.slice(25, 50)))
  })
})

describe('one task', () => {
  test('GET /tasks/{id} answers the task as the list has it', async () => {
    const task = all[1234]!
    expect(await api.getJson<DemoTask>(`/tasks/${task._id}`)).toEqual(task)
    expect(await api.getJson<DemoTask>(`/tasks/${task._id.toUpperCase()}`)).toEqual(task)
  })

  test('404 for an id no task has, 400 for one that cannot be an id', async () => {
    const missing = await api.request(`/tasks/${'0'.repeat(24)}`)
    expect(missing.status).toBe(404)
    expect(await missing.json()).toEqual({ message: 'Task not found', errors: [{ message: 'Task not found' }] })
    const malformed = await api.request('/tasks/not-an-id')
    expect(malformed.status).toBe(400)
    expect(((await malformed.json()) as { message: string }).message).toMatch(/^id must be a 24-character/)
  })
})

describe('invalid parameters: 400 naming the parameter', () => {
  const cases: [string, string][] = [
    ['limit=0', 'limit'],
    ['limit=1001', 'limit'],
    ['limit=ten', 'limit'],
    ['limit=2.5', 'limit'],
    ['offset=-1', 'offset'],
    ['offset=x', 'offset'],
    ['sort=dueDate', 'sort'],
    ['sort=dueDate:2', 'sort'],
    ['sort=dueDate:asc', 'sort'],
    ['sort=colour:1', 'sort'],
    [`sort=${encodeURIComponent('{"by":"dueDate"}')}`, 'sort'],
    [`sort=${encodeURIComponent('{"by":"dueDate","direction":"asc"}')}`, 'sort'],
    [`sort=${encodeURIComponent('{"by":"colour","direction":1}')}`, 'sort'],
    [`sort=${encodeURIComponent('{"by":"dueDate",')}`, 'sort'],
    ['customer=123', 'customer'],
    ['userIds=somebody', 'userIds'],
    ['userIds=unassigned', 'userIds'],
    ['taskAssignee=0123456789abcdef0123456', 'taskAssignee'],
    ['relatedContacts=x', 'relatedContacts'],
    ['relatedUsers=x', 'relatedUsers'],
    ['relatedObjects=x', 'relatedObjects'],
    ['relatedCustomers=x', 'relatedCustomers'],
    ['relatedAssignments=x', 'relatedAssignments'],
    ['relatedInvoices=x', 'relatedInvoices'],
    ['relatedEquipments=x', 'relatedEquipments'],
    ['callId=zz', 'callId'],
    ['taskType=not-an-id', 'taskType'],
    ['taskType=0123456789abcdef0123456g', 'taskType'],
    ['taskStatus=done', 'taskStatus'],
    ['taskStatus=open,waiting_for_parts', 'taskStatus'],
    ['taskFromRecurringTemplate=yes', 'taskFromRecurringTemplate'],
    ['status=active', 'status'],
  ]

  test.each(cases)('%s', async (query, parameter) => {
    const response = await api.request(`/tasks/?${query}`)
    expect(response.status).toBe(400)
    expect(response.headers.get('content-type')).toMatch(/^application\/json/)
    const body = (await response.json()) as { message: string; errors: { message: string }[] }
    expect(body.message.startsWith(`${parameter} `)).toBe(true)
    expect(body.errors).toEqual([{ message: body.message }])
  })

  test('several problems are listed together', async () => {
    const response = await api.request('/tasks/?limit=0&taskType=x&sort=nope')
    expect(response.status).toBe(400)
    const body = (await response.json()) as { message: string; errors: { message: string }[] }
    expect(body.errors.map((error) => error.message.split(' ')[0])).toEqual(['limit', 'sort', 'taskType'])
    expect(body.message).toContain('taskType')
  })
})
