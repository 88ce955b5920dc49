// @vitest-environment node
import { afterEach, beforeAll, expect, inject, test } from 'vitest'
import { ApiError } from '../../../shared/api-error.ts'
import { clearFaults, injectFault } from '../../../../e2e/support/demo-faults.ts'
import { apiGet, setApiBase } from '../../../lib/api-client.ts'
import { toWireParams } from '../../../shared/tasks/api/list-query.ts'
import {
  FIRST_SCREEN_ROWS,
  ONE_SLICE_MAX,
  readTaskPageInSlices,
  getSelf,
  getTask,
  listCustomers,
  listTaskTypes,
  listTasks,
  listUsers,
  type TaskPage,
} from './tasks-api.ts'

beforeAll(() => {
  setApiBase(`${inject('appOrigin')}/api`)
})

afterEach(async () => {
  await clearFaults(inject('appOrigin'))
})

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof ApiError) return error
    throw error
  }
  throw new Error('expected the call to fail')
}

test('lists a page of parsed tasks', async () => {
  const page = await listTasks({ limit: 25, offset: 0 })
  expect(page.tasks).toHaveLength(25)
  expect(page.skipped.count).toBe(0)
  expect(page.totalCount).toBeNull()
  for (const task of page.tasks) {
    expect(task._id).toMatch(/^[0-9a-f]{24}$/)
    expect(task.status.createdAt).toEqual(expect.any(Number))
  }
})

/** Reads a page of the demo's tasks in slices, noting each slice and each wait for the first rows to be shown. */
async function readInSlices(limit: number) {
  const events: string[] = []
  const answer = await apiGet('/tasks/', toWireParams({ limit, offset: 0 }))
  const pages: TaskPage[] = []
  const restAfter = () => {
    events.push('shown')
    return Promise.resolve()
  }
  for await (const page of readTaskPageInSlices(answer, {}, restAfter)) {
    events.push(`${page.tasks.length} rows${page.partial ? ', partial' : ''}`)
    pages.push(page)
  }
  return { events, pages }
}

test('a page longer than 100 rows comes as its first rows, then, once they are shown, whole', async () => {
  const { events, pages } = await readInSlices(1000)
  expect(events).toEqual([`${FIRST_SCREEN_ROWS} rows, partial`, 'shown', '1000 rows'])
  expect(pages[1]!.tasks.slice(0, FIRST_SCREEN_ROWS)).toEqual(pages[0]!.tasks)
})

test('a page up to 100 rows comes whole, in one slice', async () => {
  expect((await readInSlices(ONE_SLICE_MAX)).events).toEqual([`${ONE_SLICE_MAX} rows`])
})

test('sends filters and sort the way the API reads them', async () => {
  const page = await listTasks({
    limit: 50,
    offset: 0,
    taskStatus: ['in_progress'],
    priority: ['urgent', 'high'],
    sort: { by: 'dueDate', direction: 1 },
  })
  expect(page.tasks.length).toBeGreaterThan(0)
  for (const task of page.tasks) {
    expect(task.taskStatus).toBe('in_progress')
    expect(['urgent', 'high']).toContain(task.priority)
  }
  const due = page.tasks.map((task) => task.dueDate).filter((date): date is number => date !== null)
  expect(due).toEqual([...due].sort((a, b) => a - b))
})

test('pages do not overlap', async () => {
  const sort = { by: 'status.createdAt', direction: -1 } as const
  const first = await listTasks({ limit: 20, offset: 0, sort })
  const second = await listTasks({ limit: 20, offset: 20, sort })
  const both = await listTasks({ limit: 40, offset: 0, sort })
  expect([...first.tasks, ...second.tasks].map((task) => task._id)).toEqual(both.tasks.map((task) => task._id))
})

test('finds unassigned tasks', async () => {
  const page = await listTasks({ limit: 50, offset: 0, userIds: ['unassigned_jobs'] })
  expect(page.tasks.length).toBeGreaterThan(0)
  expect(page.tasks.every((task) => task.assignee === null)).toBe(true)
})

test('gets one task and says 404 for a missing one', async () => {
  const [first] = (await listTasks({ limit: 1, offset: 0 })).tasks
  expect(first).toBeDefined()
  const task = await getTask(first!._id)
  expect(task).toEqual(first)
  const error = await failure(getTask('0'.repeat(24)))
  expect(error.kind).toBe('http')
  expect(error.status).toBe(404)
})

test('maps a 400 to an http error carrying the API message', async () => {
  const error = await failure(listTasks({ limit: 50, offset: 0, taskType: ['not-an-id'] }))
  expect(error.status).toBe(400)
  expect(error.message).toMatch(/taskType/)
})

test('reads every user across server-capped pages, without personal data', async () => {
  const users = await listUsers()
  expect(users.length).toBeGreaterThan(25)
  expect(new Set(users.map((user) => user.id)).size).toBe(users.length)
  expect(Object.keys(users[0]!).sort()).toEqual(['firstName', 'id', 'lastName', 'name', 'picture'])
})

test('reads the current user, task types and customers', async () => {
  const self = await getSelf()
  expect(self.name).toEqual(expect.any(String))
  const types = await listTaskTypes()
  expect(types).toHaveLength(6)
  expect(types.every((type) => type.prefix && type.color)).toBe(true)
  const customers = await listCustomers({})
  expect(customers.length).toBeGreaterThan(0)
  const needle = customers[0]!.name!.slice(0, 4)
  const matching = await listCustomers({ name: needle })
  expect(matching.every((customer) => customer.name?.toLowerCase().includes(needle.toLowerCase()))).toBe(true)
  const byIds = await listCustomers({ ids: [customers[1]!._id, customers[0]!._id] })
  expect(byIds.map((customer) => customer._id).sort()).toEqual([customers[0]!._id, customers[1]!._id].sort())
})

test('maps a 503 with the API message', async () => {
  await injectFault(inject('appOrigin'), { path: '/tasks/', status: 503, message: 'Maintenance until 06:00' })
  const error = await failure(listTasks({ limit: 5, offset: 0 }))
  expect(error.kind).toBe('http')
  expect(error.status).toBe(503)
  expect(error.message).toBe('Maintenance until 06:00')
})

test('maps a 429 with its Retry-After', async () => {
  await injectFault(inject('appOrigin'), { path: '/tasks/', status: 429, retryAfter: '7' })
  const error = await failure(listTasks({ limit: 5, offset: 0 }))
  expect(error.status).toBe(429)
  expect(error.retryAfterMs).toBe(7000)
})

// The app server reads every answer to pass on only the board's fields: one it cannot read is its 502.
test('maps malformed JSON, a non-array body and an HTML page', async () => {
  await injectFault(inject('appOrigin'), { path: '/tasks/', body: 'malformed' })
  const malformed = await failure(listTasks({ limit: 5, offset: 0 }))
  expect(malformed.status).toBe(502)
  expect(malformed.message).toContain('not JSON')
  await injectFault(inject('appOrigin'), { path: '/tasks/', body: 'non-array' })
  const wrapped = await failure(listTasks({ limit: 5, offset: 0 }))
  expect(wrapped.status).toBe(502)
  expect(wrapped.message).toContain('did not send a list')
  await injectFault(inject('appOrigin'), { path: '/tasks/', body: 'html', status: 502 })
  const html = await failure(listTasks({ limit: 5, offset: 0 }))
  expect(html.status).toBe(502)
  expect(html.message).not.toContain('<')
})

test('skips broken rows and shows a repeated row once', async () => {
  await injectFault(inject('appOrigin'), { path: '/tasks/', corruptRows: 2, duplicateRows: 3 })
  const page = await listTasks({ limit: 10, offset: 0 })
  expect(page.skipped.count).toBe(2)
  expect(page.tasks).toHaveLength(8)
  expect(new Set(page.tasks.map((task) => task._id)).size).toBe(8)
})

test('a view of changes keeps the rows changed after its moment, read newest change first', async () => {
  const sort = { by: 'status.lastModifiedAt', direction: -1 } as const
  const all = await listTasks({ limit: 20, offset: 0, sort })
  const since = all.tasks[9]!.status.lastModifiedAt!
  const page = await listTasks({ limit: 20, offset: 0, sort, changedSince: since })
  const changed = all.tasks.filter((task) => task.status.lastModifiedAt! > since)
  expect(changed.length).toBeGreaterThan(0)
  expect(page.tasks.map((task) => task._id)).toEqual(changed.map((task) => task._id))
  expect(page.totalCount).toBeNull()
})
