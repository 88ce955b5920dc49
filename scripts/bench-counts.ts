/**
 * Figures for counting and the workload, on the demo API in this process
 * (a script, not a test: times vary with the machine). For each task count:
 * upstream requests and time to count every tab of a fresh board, for a
 * second dispatcher right after, and on the refresh a minute later; then
 * the workload's time and requests, fresh and cached.
 *
 *   npm run bench:counts                                    # 5,000 and 50,000 tasks
 *   DEMO_TASKS=20000 DEMO_LATENCY_MS=50 npm run bench:counts
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { readServerConfig } from '../server/config.ts'
import { createDemoApi, DEFAULT_DEMO_API_KEY } from '../server/demo-api/demo-api.ts'
import { startDemoServer } from '../server/demo-api/demo-server.ts'
import { keyContexts } from '../server/testing/key-contexts.ts'
import { createAppRouter } from '../server/http/app-router.ts'
import { createFigureRoutes } from '../server/workload/figure-routes.ts'
import { createUpstreamClient, type UpstreamClient } from '../server/upstream/upstream-client.ts'

/** The board's tabs as the filter sets the browser sends: Active, each status, All. */
const TAB_SETS = [
  'taskStatus=new,open,in_progress,in_review',
  ...['new', 'open', 'in_progress', 'in_review', 'completed', 'cancelled'].map((status) => `taskStatus=${status}`),
  '',
]
const taskCounts = process.env.DEMO_TASKS ? [Number(process.env.DEMO_TASKS)] : [5000, 50_000]
const latencyMs = Number(process.env.DEMO_LATENCY_MS ?? 0)
const config = readServerConfig(process.env)

async function measure(taskCount: number): Promise<void> {
  const demo = createDemoApi({ apiKey: DEFAULT_DEMO_API_KEY, taskCount, latencyMs, faultsEnabled: false })
  const upstream = await startDemoServer(demo, { host: '127.0.0.1', port: 0 })
  let requests = 0
  const client = createUpstreamClient({ baseUrl: upstream.baseUrl, timeoutMs: config.upstreamTimeoutMs })
  const counted: UpstreamClient = (request) => {
    requests += 1
    return client(request)
  }
  // A clock that can be moved a minute on, for the refresh.
  let shift = 0
  const contextFor = keyContexts(DEFAULT_DEMO_API_KEY, counted)
  const endpoints = createAppRouter(
    createFigureRoutes({
      upstream: counted,
      budgetPerMinute: config.countBudgetPerMinute,
      workloadMaxTasks: config.workloadMaxTasks,
      now: () => Date.now() + shift,
    }).routes,
  )
  const app = createServer((req, res) => {
    void endpoints(req, res, (req.url ?? '/').split('?')[0] ?? '/', contextFor(req))
  })
  await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${(app.address() as AddressInfo).port}`

  async function step(label: string, path: string): Promise<unknown> {
    const before = requests
    const started = performance.now()
    const response = await fetch(`${origin}${path}`)
    const body: unknown = await response.json()
    const ms = performance.now() - started
    console.log(
      `  ${label.padEnd(44)} ${String(requests - before).padStart(5)} requests  ${ms.toFixed(0).padStart(6)} ms`,
    )
    return body
  }

  const counts = `/app/counts?${TAB_SETS.map((set) => `set=${encodeURIComponent(set)}`).join('&')}`
  console.log(`\n${taskCount} demo tasks, ${latencyMs} ms upstream latency, budget ${config.countBudgetPerMinute}/min`)
  const fresh = (await step('tab counts, fresh board', counts)) as { counts: { state: string; count: number }[] }
  console.log(`    ${fresh.counts.map((count) => `${count.state === 'exact' ? '' : '≥'}${count.count}`).join(' · ')}`)
  await step('tab counts, second dispatcher right after', counts)
  shift += 60_000
  await step('tab counts, refresh a minute later', counts)
  const workload = `/app/workload?tz=Europe%2FBerlin`
  const figures = (await step('workload, fresh', workload)) as { covered: number; truncated: boolean; rows: unknown[] }
  console.log(
    `    ${figures.rows.length} rows, ${figures.covered} active tasks covered, truncated: ${figures.truncated}`,
  )
  await step('workload, second dispatcher right after', workload)

  await new Promise<void>((resolve) => app.close(() => resolve()))
  await upstream.close()
}

for (const taskCount of taskCounts) await measure(taskCount)
