import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { parseTimestamp } from '../../src/shared/tasks/api/schemas.ts'
import type { TaskJob } from '../../src/shared/tasks/api/task-job.ts'
import { DEMO_KEY, startAppProcess, type AppProcess } from '../testing/start-app.ts'
import { startTestApi, type TestApi } from '../testing/test-api.ts'
import { createPostgresDatabase } from '../testing/test-databases.ts'

/*
 * Two app servers, each its own process, on one PostgreSQL: one is killed
 * (SIGKILL, as a crash) in the middle of a job; the other takes the job
 * over once its lease runs out and finishes it, each task changed once.
 */

interface RawTask {
  _id: string
  taskStatus: string | null
  status: { lastModifiedAt: string }
}

const anna = { 'x-forwarded-user': 'anna@example.com' }
let demo: TestApi
let one: AppProcess
let two: AppProcess

beforeAll(async () => {
  demo = await startTestApi({ apiKey: DEMO_KEY, taskCount: 60 })
  const env = {
    DATABASE_URL: await createPostgresDatabase(inject('postgresUrl')),
    TASK_WRITES: 'status',
    TRUSTED_USER_HEADER: 'X-Forwarded-User',
    TRUSTED_PROXIES: '127.0.0.1',
    JOB_WRITES_PER_MINUTE: '6000',
    JOB_LEASE_SECONDS: '3',
  }
  ;[one, two] = await Promise.all([
    startAppProcess({ mode: 'shared-key', upstream: demo.baseUrl, serverKey: DEMO_KEY, env }),
    startAppProcess({ mode: 'shared-key', upstream: demo.baseUrl, serverKey: DEMO_KEY, env }),
  ])
}, 90_000)

afterAll(async () => {
  await one?.stop()
  await two?.stop()
  await demo?.close()
})

test(
  'a server killed mid-job leaves nothing half-written: the other takes the job over and finishes it',
  { timeout: 90_000 },
  async () => {
    const open = (JSON.parse((await two.call('GET', '/api/tasks/?limit=60&taskStatus=open')).text) as RawTask[]).slice(
      0,
      8,
    )
    expect(open).toHaveLength(8)
    // Slow writes, so the crash comes in the middle of the job.
    await fetch(`${demo.origin}/__demo/faults`, {
      method: 'POST',
      body: JSON.stringify({ path: '/tasks/', method: 'PATCH', delayMs: 400, count: 8 }),
    })
    // Made on the first server, whose runner is woken by it and claims it at once (the second only polls).
    const started = await one.call('POST', '/app/task-jobs', {
      headers: anna,
      body: {
        change: { field: 'status', to: 'in_review' },
        tasks: open.map((task) => ({
          id: task._id,
          from: task.taskStatus,
          seenModifiedAt: parseTimestamp(task.status.lastModifiedAt),
        })),
      },
    })
    expect(started.status, started.text).toBe(202)
    const id = (started.json as { job: TaskJob }).job.id
    const job = async () =>
      ((await two.call('GET', `/app/task-jobs/${id}`, { headers: anna })).json as { job: TaskJob }).job
    await expect
      .poll(async () => (await job()).items.filter((item) => item.outcome !== null).length, { timeout: 20_000 })
      .toBeGreaterThan(0)

    process.kill(one.pid, 'SIGKILL')
    await expect.poll(async () => (await job()).state, { timeout: 60_000, interval: 250 }).toBe('done')
    const ended = await job()
    expect(ended.items.map((item) => item.outcome)).toEqual(open.map(() => 'applied'))
    for (const task of open) {
      const now = (await two.call('GET', `/api/tasks/${task._id}`)).json as unknown as RawTask
      expect(now.taskStatus).toBe('in_review')
    }
    // Each task written once, but for the one whose write the crash may have cut short (read back, not written again).
    const attempts = await Promise.all(
      open.map(async (task) => {
        const log = (await two.call('GET', `/app/tasks/${task._id}/changes`, { headers: anna })).json as {
          changes: unknown[]
        }
        return log.changes.length
      }),
    )
    expect(attempts.reduce((sum, count) => sum + count, 0)).toBeLessThanOrEqual(open.length + 1)
  },
)
