import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { parseTimestamp } from '../../src/shared/tasks/api/schemas.ts'
import type { TaskJob } from '../../src/shared/tasks/api/task-job.ts'
import { cookieFrom, DEMO_KEY, OTHER_COMPANY_KEY, startApp, type InProcessApp } from '../testing/start-app.ts'

interface RawTask {
  _id: string
  priority?: string
  taskStatus: string | null
  status: { lastModifiedAt: string }
}

let app: InProcessApp

beforeAll(async () => {
  app = await startApp({
    demo: { taskCount: 300, faultsEnabled: true },
    env: { TASK_WRITES_PER_MINUTE: '1000', JOB_WRITES_PER_MINUTE: '6000' },
  })
})
afterAll(() => app.stop())
beforeEach(() => demo('DELETE', '/__demo/faults'))

async function demo(method: string, path: string, body?: unknown): Promise<void> {
  await fetch(`${app.demoOrigin}${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) })
}

async function tasks(query: string, count: number): Promise<RawTask[]> {
  const answer = await app.call('GET', `/api/tasks/?limit=${count}&${query}`)
  expect(answer.status).toBe(200)
  const found = JSON.parse(answer.text) as RawTask[]
  expect(found).toHaveLength(count)
  return found
}

const readTask = async (id: string) => (await app.call('GET', `/api/tasks/${id}`)).json as unknown as RawTask
const seen = (task: RawTask, field: 'priority' | 'taskStatus' = 'priority') => ({
  id: task._id,
  from: task[field] ?? null,
  seenModifiedAt: parseTimestamp(task.status.lastModifiedAt),
})

async function startJob(body: unknown): Promise<TaskJob> {
  const answer = await app.call('POST', '/app/task-jobs', { body })
  expect(answer.status, answer.text).toBe(202)
  return (answer.json as { job: TaskJob }).job
}

/** The job once it has finished (the runner works on its own; the test only watches). */
async function finished(id: string): Promise<TaskJob> {
  for (let tries = 0; tries < 300; tries += 1) {
    const job = ((await app.call('GET', `/app/task-jobs/${id}`)).json as { job: TaskJob }).job
    if (job.state !== 'queued' && job.state !== 'running') return job
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`job ${id} did not finish`)
}

const outcomes = (job: TaskJob) => job.items.map((item) => item.outcome)

describe('a change on many tasks', () => {
  test('every task changed through the one write path, read back, and on record', async () => {
    const chosen = await tasks('priority=low', 6)
    const job = await startJob({ change: { field: 'priority', to: 'urgent' }, tasks: chosen.map((task) => seen(task)) })
    expect(job.items).toHaveLength(6)
    const done = await finished(job.id)
    expect(done.state).toBe('done')
    expect(outcomes(done)).toEqual(Array(6).fill('applied'))
    for (const task of chosen) expect((await readTask(task._id)).priority).toBe('urgent')
    const log = (await app.call('GET', `/app/tasks/${chosen[0]!._id}/changes`)).json as { changes: unknown[] }
    expect(log.changes[0]).toMatchObject({ field: 'priority', seen: 'low', wanted: 'urgent', outcome: 'applied' })
  })

  test('a colleague’s edit is not overwritten, a dropped field is not claimed, the rest applies', async () => {
    const chosen = await tasks('priority=medium', 4)
    await demo('POST', `/__demo/tasks/${chosen[1]!._id}`, { title: 'Changed by a colleague' })
    const job = await startJob({ change: { field: 'priority', to: 'high' }, tasks: chosen.map((task) => seen(task)) })
    // The dropped field: the third task's turn comes after the first two writes.
    const done = await finished(job.id)
    expect(outcomes(done)).toEqual(['applied', 'conflict', 'applied', 'applied'])
    expect((await readTask(chosen[1]!._id)).priority).toBe('medium')

    const more = await tasks('priority=medium', 2)
    await demo('POST', '/__demo/faults', { path: '/tasks/', method: 'PATCH', ignoreFields: ['priority'], count: 1 })
    const ignored = await finished(
      (await startJob({ change: { field: 'priority', to: 'high' }, tasks: more.map((task) => seen(task)) })).id,
    )
    expect(outcomes(ignored)).toEqual(['ignored', 'applied'])
    expect(ignored.items[0]!.message).toBe('The tasks API accepted the change but did not apply it.')
  })

  test('a 429 is waited out (its Retry-After for every write of the key), then the task is changed', async () => {
    const chosen = await tasks('priority=low', 2)
    await demo('POST', '/__demo/faults', { path: '/tasks/', method: 'PATCH', status: 429, retryAfter: '1', count: 1 })
    const started = Date.now()
    const done = await finished(
      (await startJob({ change: { field: 'priority', to: 'medium' }, tasks: chosen.map((task) => seen(task)) })).id,
    )
    expect(outcomes(done)).toEqual(['applied', 'applied'])
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000)
  })

  test('failed tasks can be tried again, as a new job of those alone', async () => {
    const chosen = await tasks('priority=low', 3)
    await demo('POST', '/__demo/faults', { path: '/tasks/', method: 'PATCH', status: 500, count: 2 })
    const first = await finished(
      (await startJob({ change: { field: 'priority', to: 'high' }, tasks: chosen.map((task) => seen(task)) })).id,
    )
    expect(outcomes(first)).toEqual(['failed', 'failed', 'applied'])
    const retry = await app.call('POST', `/app/task-jobs/${first.id}/retry`)
    expect(retry.status).toBe(202)
    const second = await finished((retry.json as { job: TaskJob }).job.id)
    expect(second.items.map((item) => [item.taskId, item.outcome])).toEqual([
      [chosen[0]!._id, 'applied'],
      [chosen[1]!._id, 'applied'],
    ])
    expect((await app.call('POST', `/app/task-jobs/${second.id}/retry`)).status).toBe(409)
  })

  test('cancelling stops the job: the tasks it had not reached stay as they were', async () => {
    const chosen = await tasks('priority=low', 8)
    await demo('POST', '/__demo/faults', { path: '/tasks/', method: 'PATCH', delayMs: 300, count: 8 })
    const job = await startJob({ change: { field: 'priority', to: 'urgent' }, tasks: chosen.map((task) => seen(task)) })
    // Cancelled once its first task is done, however busy the machine.
    await expect
      .poll(
        async () =>
          ((await app.call('GET', `/app/task-jobs/${job.id}`)).json as { job: TaskJob }).job.items[0]!.outcome,
      )
      .toBe('applied')
    const cancel = await app.call('POST', `/app/task-jobs/${job.id}/cancel`)
    expect(cancel.status).toBe(200)
    const done = await finished(job.id)
    expect(done.state).toBe('cancelled')
    const reached = done.items.filter((item) => item.outcome !== null).length
    expect(reached).toBeGreaterThan(0)
    expect(reached).toBeLessThan(8)
    for (const item of done.items.filter((item) => item.outcome !== null)) expect(item.outcome).toBe('applied')
    // The task under way when it was cancelled is finished and read back; nothing after it is touched.
    await new Promise((resolve) => setTimeout(resolve, 700))
    const after = (await finished(job.id)).items
    const untouched = after.filter((item) => item.outcome === null)
    expect(untouched.length).toBeGreaterThan(0)
    for (const item of untouched) expect((await readTask(item.taskId)).priority).toBe('low')
    expect((await app.call('POST', `/app/task-jobs/${job.id}/cancel`)).status).toBe(409)
  })

  test('a second job on the same tasks waits for the first, and is not refused for the first one’s change', async () => {
    const chosen = await tasks('priority=low&taskStatus=open', 3)
    await demo('POST', '/__demo/faults', { path: '/tasks/', method: 'PATCH', delayMs: 150, count: 6 })
    const first = await startJob({ change: { field: 'priority', to: 'high' }, tasks: chosen.map((task) => seen(task)) })
    const second = await startJob({
      change: { field: 'status', to: 'in_progress' },
      tasks: chosen.map((task) => seen(task, 'taskStatus')),
    })
    const [one, two] = await Promise.all([finished(first.id), finished(second.id)])
    expect(outcomes(one)).toEqual(['applied', 'applied', 'applied'])
    expect(outcomes(two)).toEqual(['applied', 'applied', 'applied'])
    for (const task of chosen)
      expect(await readTask(task._id)).toMatchObject({ priority: 'high', taskStatus: 'in_progress' })
  })

  test('the person’s jobs are listed, the open ones first', async () => {
    const answer = await app.call('GET', '/app/task-jobs')
    const jobs = (answer.json as { jobs: TaskJob[] }).jobs
    expect(jobs.length).toBeGreaterThan(0)
    expect(jobs.length).toBeLessThanOrEqual(5)
    // Only what the bar shows reaches the browser: no person, no key, nothing the board saw of each task.
    expect(Object.keys(jobs[0]!).sort()).toEqual(['field', 'finishedAt', 'id', 'items', 'message', 'state', 'target'])
    expect(Object.keys(jobs[0]!.items[0]!).sort()).toEqual(['message', 'outcome', 'taskId'])
  })
})

describe('bad input and hostile clients', () => {
  const one = { id: 'a'.repeat(24), from: 'low', seenModifiedAt: 0 }

  test.each([
    ['no tasks', { change: { field: 'priority', to: 'urgent' }, tasks: [] }],
    ['more than a thousand', { change: { field: 'priority', to: 'urgent' }, tasks: Array(1001).fill(one) }],
    ['a bad value', { change: { field: 'priority', to: 'whenever' }, tasks: [one] }],
    ['an unknown field', { change: { field: 'title', to: 'x' }, tasks: [one] }],
    ['a task id that is not one', { change: { field: 'priority', to: 'urgent' }, tasks: [{ ...one, id: '../x' }] }],
    ['a seen value of the wrong kind', { change: { field: 'dueDate', to: null }, tasks: [one] }],
    ['a task twice', { change: { field: 'priority', to: 'urgent' }, tasks: [one, one] }],
    ['an extra property', { change: { field: 'priority', to: 'urgent', sendEmail: true }, tasks: [one] }],
  ])('%s: 400 with a sentence, and no job', async (_name, body) => {
    const before = ((await app.call('GET', '/app/task-jobs')).json as { jobs: TaskJob[] }).jobs.length
    const answer = await app.call('POST', '/app/task-jobs', { body })
    expect(answer.status).toBe(400)
    expect(String(answer.json.message).length).toBeGreaterThan(5)
    expect(((await app.call('GET', '/app/task-jobs')).json as { jobs: TaskJob[] }).jobs.length).toBe(before)
  })

  test('cross-site requests and requests without the board’s header are refused', async () => {
    const body = { change: { field: 'priority', to: 'urgent' }, tasks: [one] }
    const crossSite = await app.call('POST', '/app/task-jobs', {
      body,
      headers: { origin: 'https://evil.example', 'content-type': 'application/json', 'x-requested-with': 'task-board' },
    })
    expect(crossSite.status).toBe(403)
    expect((await app.call('POST', '/app/task-jobs', { body, bare: true })).status).toBe(403)
  })
})

test(
  'personal keys: a job writes with the session’s key, looked up for each task; signing out stops it',
  { timeout: 60_000 },
  async () => {
    const personal = await startApp({
      mode: 'personal-key',
      demo: { taskCount: 100, faultsEnabled: true },
      env: { TASK_WRITES: 'priority', JOB_WRITES_PER_MINUTE: '6000' },
    })
    try {
      const read = { headers: { 'x-api-key': DEMO_KEY } }
      const list = JSON.parse((await personal.call('GET', '/api/tasks/?limit=100', read)).text) as RawTask[]
      const chosen = list.filter((task) => task.priority !== 'urgent').slice(0, 6)
      const body = { change: { field: 'priority', to: 'urgent' }, tasks: chosen.map((task) => seen(task)) }
      expect((await personal.call('POST', '/app/task-jobs', { body })).status).toBe(401)

      const cookie = cookieFrom(
        await personal.call('POST', '/app/session', { body: { apiKey: DEMO_KEY } }),
        'tb_session',
      )!
      // Slow writes, so the session can end while the job runs.
      await fetch(`${personal.demoOrigin}/__demo/faults`, {
        method: 'POST',
        body: JSON.stringify({ path: '/tasks/', method: 'PATCH', delayMs: 300, count: 6 }),
      })
      const started = await personal.call('POST', '/app/task-jobs', { body, cookie })
      expect(started.status).toBe(202)
      const id = (started.json as { job: TaskJob }).job.id
      // Another company's dispatcher neither reads nor stops it, nor sees it listed.
      const other = cookieFrom(
        await personal.call('POST', '/app/session', { body: { apiKey: OTHER_COMPANY_KEY } }),
        'tb_session',
      )!
      expect((await personal.call('GET', `/app/task-jobs/${id}`, { cookie: other })).status).toBe(404)
      expect((await personal.call('POST', `/app/task-jobs/${id}/cancel`, { cookie: other })).status).toBe(409)
      expect(
        ((await personal.call('GET', '/app/task-jobs', { cookie: other })).json as { jobs: TaskJob[] }).jobs,
      ).toEqual([])
      const job = async () =>
        ((await personal.call('GET', `/app/task-jobs/${id}`, { cookie })).json as { job: TaskJob }).job
      await expect
        .poll(async () => (await job()).items.filter((item) => item.outcome === 'applied').length)
        .toBeGreaterThan(0)
      expect((await personal.call('DELETE', '/app/session', { cookie })).status).toBeLessThan(300)

      // Signed out: nobody may read the job now; the store says how it ended.
      let ended: TaskJob | undefined
      for (let tries = 0; tries < 100 && !ended; tries += 1) {
        const again = cookieFrom(
          await personal.call('POST', '/app/session', { body: { apiKey: DEMO_KEY } }),
          'tb_session',
        )!
        const found = ((await personal.call('GET', `/app/task-jobs/${id}`, { cookie: again })).json as { job: TaskJob })
          .job
        if (found.state !== 'running' && found.state !== 'queued') ended = found
        else await new Promise((resolve) => setTimeout(resolve, 100))
      }
      expect(ended?.state).toBe('stopped')
      expect(ended?.message).toMatch(/session that started this job ended/)
      const applied = ended!.items.filter((item) => item.outcome === 'applied').length
      expect(applied).toBeGreaterThan(0)
      expect(applied).toBeLessThan(6)
      // The tasks it had not reached are as they were.
      for (const item of ended!.items.filter((entry) => entry.outcome === null)) {
        const task = (await personal.call('GET', `/api/tasks/${item.taskId}`, read)).json as unknown as RawTask
        expect(task.priority).not.toBe('urgent')
      }
    } finally {
      await personal.stop()
    }
  },
)
