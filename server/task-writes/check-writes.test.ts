import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, expect, test } from 'vitest'
import type { DemoTask } from '../demo-api/entities.ts'
import { startTestApi, TEST_API_KEY, type TestApi } from '../testing/test-api.ts'
import { createUpstreamClient, type UpstreamClient } from '../upstream/upstream-client.ts'
import { checkWrites } from './check-writes.ts'

let api: TestApi
let upstream: UpstreamClient

beforeAll(async () => {
  api = await startTestApi({ taskCount: 200 })
  upstream = createUpstreamClient({ baseUrl: api.baseUrl, timeoutMs: 5000 })
})
afterAll(() => api.close())

async function taskWhere(query: string): Promise<DemoTask> {
  const [task] = await api.getJson<DemoTask[]>(`/tasks/?limit=1&${query}`)
  return task!
}

test('on the demo API every write is honoured with the changed field alone, and the task is put back', async () => {
  const task = await taskWhere('taskStatus=open&priority=medium')
  const results = await checkWrites({ upstream, key: TEST_API_KEY, taskId: task._id })
  expect(results.map(({ operation, honoured, body, restored }) => ({ operation, honoured, body, restored }))).toEqual(
    ['assignee', 'priority', 'dueDate', 'status', 'complete'].map((operation) => ({
      operation,
      honoured: true,
      body: 'partial',
      restored: true,
    })),
  )
  const after = await api.getJson<DemoTask>(`/tasks/${task._id}`)
  const { status: _before, firstTerminatedAt: _a, ...was } = task
  const { status: _after, firstTerminatedAt: _b, ...is } = after
  expect({ ...is, dueDate: Number(is.dueDate) }).toEqual({ ...was, dueDate: Number(was.dueDate) })
  const outbox = (await (await fetch(`${api.origin}/__demo/outbox`)).json()) as unknown[]
  expect(outbox).toEqual([])
})

test('a field the API drops from the smallest body is tried with the whole task, and reported so', async () => {
  const task = await taskWhere('taskStatus=new&priority=low')
  await fetch(`${api.origin}/__demo/faults`, {
    method: 'POST',
    body: JSON.stringify({ path: '/tasks/', method: 'PATCH', ignoreFields: ['priority'] }),
  })
  const [priority] = await checkWrites({ upstream, key: TEST_API_KEY, taskId: task._id, operations: ['priority'] })
  expect(priority).toEqual({
    operation: 'priority',
    honoured: true,
    body: 'whole',
    restored: true,
    notes: ['partial body: accepted but not applied'],
  })
})

test('a write the API refuses is reported with its words; a finished task is not completed', async () => {
  const task = await taskWhere('taskStatus=cancelled')
  await fetch(`${api.origin}/__demo/faults`, {
    method: 'POST',
    body: JSON.stringify({
      path: '/tasks/',
      method: 'PATCH',
      status: 403,
      message: 'Forbidden for this key',
      count: 2,
    }),
  })
  const [status, complete] = await checkWrites({
    upstream,
    key: TEST_API_KEY,
    taskId: task._id,
    operations: ['status', 'complete'],
  })
  expect(status).toMatchObject({ honoured: false, body: null, restored: null })
  expect(status!.notes).toEqual([
    'partial body: refused (403: Forbidden for this key)',
    'whole body: refused (403: Forbidden for this key)',
  ])
  expect(complete).toMatchObject({ honoured: false, notes: [expect.stringMatching(/^skipped: the task is cancelled/)] })
  expect((await api.getJson<DemoTask>(`/tasks/${task._id}`)).taskStatus).toBe('cancelled')
})

test(
  'npm run check-writes without an API tries every write on a demo API of its own',
  { timeout: 30_000 },
  async () => {
    const run = promisify(execFile)
    const { stdout } = await run(process.execPath, ['scripts/check-writes.ts', '--json'], {
      cwd: fileURLToPath(new URL('../..', import.meta.url)),
      env: { ...process.env, TASKS_API_URL: '', TASKS_API_KEY: '' },
    })
    const results = JSON.parse(stdout) as { operation: string; honoured: boolean; restored: boolean }[]
    expect(results.map(({ operation, honoured, restored }) => [operation, honoured, restored])).toEqual(
      ['assignee', 'priority', 'dueDate', 'status', 'complete'].map((operation) => [operation, true, true]),
    )
  },
)
