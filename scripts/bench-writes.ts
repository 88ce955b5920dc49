/**
 * Figures for task changes through the app server's one write path, on a
 * demo API in this process (a script, not a test: times vary with the
 * machine): the time of one change as the board sends it (p50, p95) and
 * the upstream requests each costs (re-read, write, read-back; a person
 * check first for an assignee).
 *
 *   npm run bench:writes
 *   DEMO_LATENCY_MS=50 BENCH_CHANGES=100 npm run bench:writes
 */
import { startApp } from '../server/testing/start-app.ts'

interface RawTask {
  _id: string
  priority?: string
  assignee?: { entityId: string } | null
  status: { lastModifiedAt: string }
}

const changes = Number(process.env.BENCH_CHANGES ?? 200)
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
