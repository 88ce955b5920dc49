import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import type { DemoTask, DemoUser } from './entities.ts'
import { startTestApi, type TestApi } from '../testing/test-api.ts'

let api: TestApi
let self: DemoUser
let users: DemoUser[]

beforeAll(async () => {
  api = await startTestApi({ taskCount: 400 })
  self = await api.getJson<DemoUser>('/users/self')
  users = await api.getJson<DemoUser[]>('/users/?limit=100')
})

afterAll(async () => {
  await api.close()
})

beforeEach(async () => {
  await fetch(`${api.origin}/__demo/faults`, { method: 'DELETE' })
})

function patch(id: string, body: unknown): Promise<Response> {
  return api.request(`/tasks/${id}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
}

function complete(id: string, body?: unknown): Promise<Response> {
  return api.request(`/tasks/${id}/complete`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
}

/** A task whose status and priority are the given ones, from the API itself. */
async function taskWhere(query: string): Promise<DemoTask> {
  const [task] = await api.getJson<DemoTask[]>(`/tasks/?limit=1&${query}`)
  if (!task) throw new Error(`No task where ${query}`)
  return task
}

describe('PATCH /tasks/{id}', () => {
  test('writes the documented fields, moves lastModifiedAt/By, and the lists follow at once', async () => {
    const task = await taskWhere('priority=low&taskStatus=open')
    const other = users.find((user) => user._id !== task.assignee?.entityId)!
    const response = await patch(task._id, {
      priority: 'urgent',
      taskStatus: 'in_review',
      dueDate: '2026-03-20T14:00:00.000Z',
      assigneeId: other._id,
    })
    expect(response.status).toBe(200)

    const read = await api.getJson<DemoTask>(`/tasks/${task._id}`)
    expect(read).toMatchObject({
      priority: 'urgent',
      taskStatus: 'in_review',
      dueDate: Date.parse('2026-03-20T14:00:00.000Z'),
      assignee: { entityId: other._id, name: `${other.general.firstName} ${other.general.lastName}` },
    })
    expect(read.status.lastModifiedBy).toBe(self._id)
    expect(Date.parse(read.status.lastModifiedAt)).toBeGreaterThan(Date.parse(task.status.lastModifiedAt))

    // Filters and sorts were prepared before the write; they see it now.
    const { rows } = await api.listTasks(`priority=urgent&taskStatus=in_review&userIds=${other._id}&limit=1000`)
    expect(rows.map((row) => row._id)).toContain(task._id)
    const { rows: stillLow } = await api.listTasks('priority=low&limit=1000')
    expect(stillLow.map((row) => row._id)).not.toContain(task._id)
    const newest = await api.getJson<DemoTask[]>('/tasks/?limit=1&sort={"by":"status.lastModifiedAt","direction":-1}')
    expect(newest[0]?._id).toBe(task._id)
  })

  test('assigneeId null unassigns; the unassigned filter finds the task', async () => {
    const task = await taskWhere('sort={"by":"assignee.name","direction":1}')
    expect(task.assignee).toBeTruthy()
    expect((await patch(task._id, { assigneeId: null })).status).toBe(200)
    expect((await api.getJson<DemoTask>(`/tasks/${task._id}`)).assignee).toBeNull()
    const { rows } = await api.listTasks('userIds=unassigned_jobs&limit=1000')
    expect(rows.map((row) => row._id)).toContain(task._id)
  })

  test('read-only and unknown fields, and the read shape of the assignee, are accepted and ignored', async () => {
    const task = await taskWhere('taskStatus=new')
    const response = await patch(task._id, {
      _id: '0123456789abcdef01234567',
      companyId: 'other',
      identifierNumber: 1,
      status: { status: 2 },
      assignee: { entityId: users[3]!._id, name: 'Someone' },
      favouriteColour: 'green',
    })
    expect(response.status).toBe(200)
    const read = await api.getJson<DemoTask>(`/tasks/${task._id}`)
    expect({ ...read, status: task.status }).toEqual(task)
  })

  test('a bad value is a 400 naming it, and nothing of the body is written', async () => {
    const task = await taskWhere('taskStatus=new')
    for (const body of [
      { priority: 'whenever', title: 'Changed' },
      { taskStatus: 'done' },
      { dueDate: 'tomorrow' },
      { assigneeId: 'abc' },
      { assigneeId: '0123456789abcdef01234567' },
      ['priority', 'high'],
    ]) {
      const response = await patch(task._id, body)
      expect(response.status, JSON.stringify(body)).toBe(400)
      expect(((await response.json()) as { message: string }).message).toMatch(
        /priority|taskStatus|dueDate|assignee|object/,
      )
    }
    expect(await api.getJson<DemoTask>(`/tasks/${task._id}`)).toEqual(task)
  })

  test('an id that is not an ObjectId is a 400, a missing task a 404', async () => {
    expect((await patch('nope', { priority: 'high' })).status).toBe(400)
    expect((await patch('0123456789abcdef01234567', { priority: 'high' })).status).toBe(404)
  })

  test('a fault can make a PATCH drop a field it answers 200 for', async () => {
    const task = await taskWhere('priority=low')
    await fetch(`${api.origin}/__demo/faults`, {
      method: 'POST',
      body: JSON.stringify({ path: '/tasks/', method: 'PATCH', ignoreFields: ['priority'] }),
    })
    expect((await patch(task._id, { priority: 'high' })).status).toBe(200)
    expect((await api.getJson<DemoTask>(`/tasks/${task._id}`)).priority).toBe('low')
    // Used once: the next PATCH applies.
    expect((await patch(task._id, { priority: 'high' })).status).toBe(200)
    expect((await api.getJson<DemoTask>(`/tasks/${task._id}`)).priority).toBe('high')
  })

  test('a write fault fails the write before it writes, and leaves the reads alone', async () => {
    const task = await taskWhere('priority=medium')
    await fetch(`${api.origin}/__demo/faults`, {
      method: 'POST',
      body: JSON.stringify({ path: '/tasks/', method: 'PATCH', status: 429, retryAfter: 2 }),
    })
    expect((await api.request(`/tasks/${task._id}`)).status).toBe(200)
    const refused = await patch(task._id, { priority: 'urgent' })
    expect(refused.status).toBe(429)
    expect(refused.headers.get('retry-after')).toBe('2')
    expect((await api.getJson<DemoTask>(`/tasks/${task._id}`)).priority).toBe('medium')
  })
})

describe('POST /tasks/{id}/complete', () => {
  test('completes once, sends no e-mail unasked, and refuses a second time', async () => {
    const task = await taskWhere('taskStatus=in_progress')
    const response = await complete(task._id)
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ completed: true })
    const read = await api.getJson<DemoTask>(`/tasks/${task._id}`)
    expect(read.taskStatus).toBe('completed')
    expect(read.firstTerminatedAt).not.toBeNull()

    const again = await complete(task._id)
    expect(again.status).toBe(400)
    expect(((await again.json()) as { message: string }).message).toBe('Task already completed or cancelled')
    const outbox = (await (await fetch(`${api.origin}/__demo/outbox`)).json()) as { taskId: string }[]
    expect(outbox.filter((mail) => mail.taskId === task._id)).toEqual([])
  })

  test('sends the e-mail only when asked, to the recipient named', async () => {
    const task = await taskWhere('taskStatus=open')
    const response = await complete(task._id, {
      sendEmail: true,
      emailText: 'Done',
      recipientEmail: 'facility@example.com',
    })
    expect(response.status).toBe(200)
    const outbox = (await (await fetch(`${api.origin}/__demo/outbox`)).json()) as unknown[]
    expect(outbox).toContainEqual({ taskId: task._id, to: 'facility@example.com', text: 'Done' })
  })

  test('a cancelled task cannot be completed', async () => {
    const task = await taskWhere('taskStatus=cancelled')
    expect((await complete(task._id)).status).toBe(400)
    expect((await api.getJson<DemoTask>(`/tasks/${task._id}`)).taskStatus).toBe('cancelled')
  })
})

test('a colleague changes a task as another user', async () => {
  const task = await taskWhere('priority=high')
  const response = await fetch(`${api.origin}/__demo/tasks/${task._id}`, {
    method: 'POST',
    body: JSON.stringify({ priority: 'low' }),
  })
  expect(response.status).toBe(200)
  const read = await api.getJson<DemoTask>(`/tasks/${task._id}`)
  expect(read.priority).toBe('low')
  expect(read.status.lastModifiedBy).not.toBe(self._id)
  expect(users.map((user) => user._id)).toContain(read.status.lastModifiedBy)
})

test('writes elsewhere are 405 or 404', async () => {
  expect((await api.request('/users/self', { method: 'PATCH', body: '{}' })).status).toBe(405)
  expect((await api.request('/tasks/0123456789abcdef01234567/archive', { method: 'POST' })).status).toBe(404)
})
