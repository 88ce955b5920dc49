import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { parseTimestamp } from '../../src/shared/tasks/api/schemas.ts'
import type { DemoTask } from '../demo-api/entities.ts'
import type { Database } from '../store/database.ts'
import { createChangeLog } from '../task-writes/change-log.ts'
import { ENGINES, openTestDatabase } from '../testing/test-databases.ts'
import { startTestApi, TEST_API_KEY, type TestApi } from '../testing/test-api.ts'
import { createUpstreamClient, type UpstreamClient } from '../upstream/upstream-client.ts'
import { upstreamWrite } from '../task-writes/upstream-write.ts'
import { createJobRunner, jobWords } from './job-runner.ts'
import { createJobsRepository, type JobsRepository } from './jobs-repository.ts'
import { createWriteBudget } from './write-budget.ts'

const anna = { userId: 'u-anna', userName: 'Anna Berg', companyId: 'c-1' }

let api: TestApi
let upstream: UpstreamClient

beforeAll(async () => {
  api = await startTestApi({ taskCount: 600 })
  upstream = createUpstreamClient({ baseUrl: api.baseUrl, timeoutMs: 5000 })
})
afterAll(() => api.close())

/** An upstream whose writes take a while, so a test can stop a server between two of them. */
const slowWrites: UpstreamClient = async (request) => {
  if (request.method === 'PATCH') await new Promise((resolve) => setTimeout(resolve, 150))
  return upstream(request)
}

async function lowPriorityTasks(count: number, skip: number): Promise<DemoTask[]> {
  const tasks = await api.getJson<DemoTask[]>(`/tasks/?limit=${count}&skip=${skip}&priority=low`)
  expect(tasks).toHaveLength(count)
  return tasks
}

const seen = (task: DemoTask) => ({
  id: task._id,
  from: task.priority ?? null,
  seenModifiedAt: parseTimestamp(task.status.lastModifiedAt),
})

describe.each(ENGINES)('task jobs on %s', (engine) => {
  let db: Database
  let dispose: () => Promise<void>
  let jobs: JobsRepository
  let skip = engine === 'pglite' ? 0 : 30

  beforeAll(async () => {
    ;({ db, dispose } = await openTestDatabase(engine))
    jobs = createJobsRepository(db)
  })
  afterAll(() => dispose())

  function server(options: { client?: UpstreamClient; leaseMs?: number; writesPerMinute?: number } = {}) {
    return createJobRunner({
      jobs,
      budget: createWriteBudget(db, options.writesPerMinute ?? 60_000),
      log: createChangeLog(db),
      upstream: options.client ?? upstream,
      isAllowedPicture: () => true,
      keyFor: () => Promise.resolve(TEST_API_KEY),
      soleServer: () => false,
      leaseMs: options.leaseMs ?? 30_000,
      pollMs: 50,
    })
  }

  async function untilFinished(id: string) {
    for (let tries = 0; tries < 400; tries += 1) {
      const job = await jobs.get('c-1', id)
      if (job && job.state !== 'queued' && job.state !== 'running') return job
      await new Promise((resolve) => setTimeout(resolve, 25))
    }
    throw new Error(`job ${id} did not finish`)
  }

  /** How many attempts the change log holds per task of a job. */
  async function attemptsPerTask(taskIds: string[]): Promise<number[]> {
    const rows = await db.query<{ task_id: string; n: string | number }>(
      `SELECT task_id, count(*) AS n FROM task_changes WHERE task_id = ANY($1) GROUP BY task_id`,
      [taskIds],
    )
    return taskIds.map((id) => Number(rows.find((row) => row.task_id === id)?.n ?? 0))
  }

  async function nextTasks(count: number) {
    const tasks = await lowPriorityTasks(count, skip)
    skip += count
    return tasks
  }

  test('two servers on one store run a job once: every task changed once, read back', async () => {
    const tasks = await nextTasks(8)
    const id = await jobs.create(anna, 'server', { field: 'priority', to: 'high' }, tasks.map(seen))
    const [a, b] = [server({ client: slowWrites }), server({ client: slowWrites })]
    a.start()
    b.start()
    const job = await untilFinished(id)
    await Promise.all([a.stop(), b.stop()])
    expect(job.items.map((item) => item.outcome)).toEqual(Array(8).fill('applied'))
    expect(await attemptsPerTask(tasks.map((task) => task._id))).toEqual(Array(8).fill(1))
  })

  test('a server that stops gives its job back after the task under way; another finishes it', async () => {
    const tasks = await nextTasks(8)
    const id = await jobs.create(anna, 'server', { field: 'priority', to: 'urgent' }, tasks.map(seen))
    const first = server({ client: slowWrites })
    first.start()
    for (let tries = 0; tries < 200; tries += 1) {
      const job = await jobs.get('c-1', id)
      if (job!.items.filter((item) => item.outcome !== null).length >= 2) break
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    await first.stop()
    const halfway = await jobs.get('c-1', id)
    expect(halfway!.state).toBe('running')
    const done = halfway!.items.filter((item) => item.outcome !== null).length
    expect(done).toBeGreaterThanOrEqual(2)
    expect(done).toBeLessThan(8)

    const second = server()
    second.start()
    const job = await untilFinished(id)
    await second.stop()
    expect(job.items.map((item) => item.outcome)).toEqual(Array(8).fill('applied'))
    expect(await attemptsPerTask(tasks.map((task) => task._id))).toEqual(Array(8).fill(1))
  })

  test('a server that died mid-write: its job is taken over when the lease runs out, the write read back', async () => {
    const [task] = await nextTasks(1)
    const id = await jobs.create(anna, 'server', { field: 'priority', to: 'medium' }, [seen(task!)])
    // The dead server claimed the job, began the task and wrote it; then it was gone before it recorded the outcome.
    expect(await jobs.claim('dead-server', 200)).toMatchObject({ id })
    await jobs.beginItem(id, 0)
    const write = upstreamWrite(task!._id, { field: 'priority', from: 'low', to: 'medium', seenModifiedAt: null })
    expect((await upstream({ ...write, key: TEST_API_KEY })).status).toBe(200)

    const taker = server()
    taker.start()
    const job = await untilFinished(id)
    await taker.stop()
    expect(job.items).toEqual([{ taskId: task!._id, outcome: 'applied', message: jobWords.restarted }])
  })

  test('one key’s writes keep to its budget, whichever server makes them', async () => {
    const tasks = await nextTasks(6)
    const id = await jobs.create(anna, 'server', { field: 'priority', to: 'high' }, tasks.map(seen))
    // 600 a minute: one write every 100 ms for the key, shared by both servers.
    const [a, b] = [server({ writesPerMinute: 600 }), server({ writesPerMinute: 600 })]
    a.start()
    b.start()
    await untilFinished(id)
    await Promise.all([a.stop(), b.stop()])
    const rows = await db.query<{ created_at: Date | string }>(
      `SELECT created_at FROM task_changes WHERE task_id = ANY($1) ORDER BY created_at`,
      [tasks.map((task) => task._id)],
    )
    // Each write is recorded a moment after its slot, so single gaps vary a little; two servers with a budget
    // each would write two at once, half the time apart.
    const times = rows.map((row) => new Date(row.created_at).getTime())
    expect(times.at(-1)! - times[0]!).toBeGreaterThanOrEqual((times.length - 1) * 100 * 0.9)
    for (let index = 1; index < times.length; index += 1) {
      expect(times[index]! - times[index - 1]!).toBeGreaterThanOrEqual(10)
    }
  })
})
