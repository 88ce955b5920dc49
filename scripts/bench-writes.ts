/**
 * Figures for task changes through the app server's one write path, on a
 * demo API in this process (a script, not a test: times vary with the
 * machine): the time of one change as the board sends it (p50, p95) and
 * the upstream requests each costs (re-read, write, read-back; a person
 * check first for an assignee); then a change on 500 tasks as one job, with
 * no write budget to speak of (what the server adds) and within one (its
 * duration is the budget's, by design), and its upstream requests.
 *
 *   npm run bench:writes
 *   DEMO_LATENCY_MS=50 BENCH_CHANGES=100 BENCH_JOB_TASKS=200 npm run bench:writes
 */
import type { TaskJob } from '../src/shared/tasks/api/task-job.ts'
import { startApp, type InProcessApp } from '../server/testing/start-app.ts'

interface RawTask {
  _id: string
  priority?: string
  assignee?: { entityId: string } | null
  status: { lastModifiedAt: string }
}

const changes = Number(process.env.BENCH_CHANGES ?? 200)
const jobTasks = Number(process.env.BENCH_JOB_TASKS ?? 500)
const latencyMs = Number(process.env.DEMO_LATENCY_MS ?? 0)

const app = await startApp({
  demo: { taskCount: 5000, latencyMs },
  env: { TASK_WRITES_PER_MINUTE: '100000' },
})

async function tasks(offset: number): Promise<RawTask[]> {
  return JSON.parse((await app.call('GET', `/api/tasks/?limit=${changes}&offset=${offset}`)).text) as RawTask[]
}

const users = JSON.parse((await app.call('GET', '/api/users/')).text) as { _id: string }[]
// Whose the server's key is is asked once and then kept: not a cost of any change.
await app.call('GET', '/app/session')

async function measure(label: string, list: RawTask[], body: (task: RawTask) => Record<string, unknown>) {
  const times: number[] = []
  const before = app.upstreamRequests()
  let applied = 0
  for (const task of list) {
    const started = performance.now()
    const answer = await app.call('POST', `/app/tasks/${task._id}/changes`, {
      body: { ...body(task), seenModifiedAt: Date.parse(task.status.lastModifiedAt) },
    })
    times.push(performance.now() - started)
    if (answer.json.outcome === 'applied') applied += 1
  }
  times.sort((a, b) => a - b)
  const at = (share: number) => times[Math.min(times.length - 1, Math.floor(share * times.length))]!.toFixed(1)
  const perChange = (app.upstreamRequests() - before) / list.length
  console.log(
    `${label.padEnd(22)} ${String(list.length).padStart(4)} changes  p50 ${at(0.5).padStart(6)} ms  p95 ${at(0.95).padStart(6)} ms  ` +
      `${perChange.toFixed(2)} upstream requests per change  ${applied} applied`,
  )
}

console.log(`One change through POST /app/tasks/{id}/changes, demo API latency ${latencyMs} ms:`)
await measure('priority', await tasks(0), (task) => ({
  field: 'priority',
  from: task.priority ?? null,
  to: task.priority === 'urgent' ? 'low' : 'urgent',
}))
await measure('assignee', await tasks(changes), (task) => ({
  field: 'assignee',
  from: task.assignee?.entityId ?? null,
  to: users.find((user) => user._id !== task.assignee?.entityId)!._id,
}))
await app.stop()

/** One job changing `jobTasks` tasks' priority, on an app server whose jobs write at most `perMinute` a minute per key. */
async function measureJob(perMinute: number): Promise<void> {
  const jobApp: InProcessApp = await startApp({
    demo: { taskCount: 5000, latencyMs },
    env: { TASK_WRITES_PER_MINUTE: '100000', JOB_WRITES_PER_MINUTE: String(perMinute) },
  })
  await jobApp.call('GET', '/app/session')
  const list = (JSON.parse((await jobApp.call('GET', `/api/tasks/?limit=${jobTasks * 2}`)).text) as RawTask[])
    .filter((task) => task.priority !== 'urgent')
    .slice(0, jobTasks)
  const before = jobApp.upstreamRequests()
  const started = performance.now()
  const answer = await jobApp.call('POST', '/app/task-jobs', {
    body: {
      change: { field: 'priority', to: 'urgent' },
      tasks: list.map((task) => ({
        id: task._id,
        from: task.priority ?? null,
        seenModifiedAt: Date.parse(task.status.lastModifiedAt),
      })),
    },
  })
  let job = (answer.json as { job: TaskJob }).job
  while (job.state === 'queued' || job.state === 'running') {
    await new Promise((resolve) => setTimeout(resolve, 50))
    job = ((await jobApp.call('GET', `/app/task-jobs/${job.id}`)).json as { job: TaskJob }).job
  }
  const seconds = (performance.now() - started) / 1000
  const applied = job.items.filter((item) => item.outcome === 'applied').length
  // The job's own upstream requests, without the reads of the progress above (those go to the store only).
  const requests = jobApp.upstreamRequests() - before
  const floor = ((job.items.length - 1) * 60) / perMinute
  console.log(
    `${String(job.items.length).padStart(4)} tasks, budget ${String(perMinute).padStart(6)}/min per key: ` +
      `${seconds.toFixed(1)} s (the budget's floor ${floor.toFixed(1)} s), ${applied} applied, ` +
      `${requests} upstream requests (${(requests / job.items.length).toFixed(2)} per task)`,
  )
  await jobApp.stop()
}

console.log(`\nA change on ${jobTasks} tasks as one job (POST /app/task-jobs), demo API latency ${latencyMs} ms:`)
await measureJob(100_000)
await measureJob(Number(process.env.BENCH_JOB_BUDGET ?? 3000))
