/**
 * A bounded load run against the app server in demo mode, on loopback only:
 * after a short warm-up, REQUESTS list and reference requests through the
 * proxy, CONCURRENCY at a time, then it stops. Prints status counts, latency percentiles and the
 * server's memory before, during and after. A script, not a test: figures
 * vary with the machine.
 *
 *   npm run load            # 4000 requests, 200 at a time
 *   REQUESTS=1000 CONCURRENCY=50 npm run load
 */
import { readFileSync } from 'node:fs'
import { Agent, request } from 'node:http'
import { startAppProcess } from '../../server/testing/start-app.ts'

const REQUESTS = Number(process.env.REQUESTS ?? 4000)
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 200)
const DEADLINE_MS = 120_000
const WARM_UP_ROUNDS = 30

const SORTS = ['status.createdAt', 'dueDate', 'title', 'priority', 'assignee.name'].map((by) =>
  encodeURIComponent(JSON.stringify({ by, direction: by === 'dueDate' ? 1 : -1 })),
)
const STATUSES = ['new,open,in_progress,in_review', 'completed', 'open', '']

/** A plausible mix: mostly board pages, some big pages, some reference data. */
function pathFor(index: number): string {
  if (index % 20 === 0) return '/api/users/'
  if (index % 20 === 1) return '/api/taskTypes/'
  const limit = index % 10 === 2 ? 1000 : 50
  const offset = (index % 7) * limit
  const status = STATUSES[index % STATUSES.length]!
  const sort = SORTS[index % SORTS.length]!
  return `/api/tasks/?limit=${limit}&offset=${offset}&sort=${sort}${status ? `&taskStatus=${status}` : ''}`
}

function kindOf(index: number): string {
  if (index % 20 < 2) return 'reference (users, task types)'
  return index % 10 === 2 ? 'task pages of 1000' : 'task pages of 50'
}

function residentMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0)
  return Math.round(kb / 1024)
}

/** One keep-alive connection per worker, as browsers hold theirs: node:http, so the client adds no pool of its own. */
const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY })

function get(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, timeout: 30_000 }, (res) => {
      res.on('data', () => {})
      res.on('end', () => resolve(res.statusCode ?? 0))
      res.on('error', reject)
    })
    req.on('timeout', () => req.destroy(new Error('timeout')))
    req.on('error', reject)
    req.end()
  })
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0
}

async function main(): Promise<void> {
  const server = await startAppProcess()
  // A cold server compiles its hot paths on the first few hundred requests; warm it before measuring.
  const warmStarted = performance.now()
  for (let round = 0; round < WARM_UP_ROUNDS; round += 1) {
    await Promise.all(Array.from({ length: 10 }, (_, index) => get(`${server.url}${pathFor(round * 10 + index)}`)))
  }
  console.log(
    `warm-up: ${WARM_UP_ROUNDS * 10} requests, 10 at a time, in ${(performance.now() - warmStarted).toFixed(0)} ms`,
  )
  const started = Date.now()
  const memory: [string, number][] = [['start', residentMb(server.pid)]]
  const statuses = new Map<string, number>()
  const latencies: number[] = []
  const byKind = new Map<string, number[]>()
  let next = 0

  async function worker(): Promise<void> {
    while (next < REQUESTS && Date.now() - started < DEADLINE_MS) {
      const index = next++
      if (index === Math.floor(REQUESTS / 2)) memory.push(['half-way', residentMb(server.pid)])
      const begin = performance.now()
      let outcome: string
      try {
        outcome = String(await get(`${server.url}${pathFor(index)}`))
      } catch (error) {
        outcome = error instanceof Error ? error.message : 'error'
      }
      const elapsed = performance.now() - begin
      latencies.push(elapsed)
      const kind = kindOf(index)
      byKind.set(kind, [...(byKind.get(kind) ?? []), elapsed])
      statuses.set(outcome, (statuses.get(outcome) ?? 0) + 1)
    }
  }

  try {
    await Promise.all(Array.from({ length: CONCURRENCY }, () => worker()))
    memory.push(['end', residentMb(server.pid)])
  } finally {
    agent.destroy()
    await server.stop()
  }

  const seconds = (Date.now() - started) / 1000
  latencies.sort((a, b) => a - b)
  console.log(
    `${latencies.length} requests, ${CONCURRENCY} concurrent, in ${seconds.toFixed(1)} s (${Math.round(latencies.length / seconds)}/s)`,
  )
  console.log(`status: ${[...statuses].map(([status, count]) => `${status} × ${count}`).join(', ')}`)
  console.log(
    `latency ms: p50 ${percentile(latencies, 50).toFixed(0)}, p95 ${percentile(latencies, 95).toFixed(0)}, p99 ${percentile(latencies, 99).toFixed(0)}, max ${latencies.at(-1)?.toFixed(0)}`,
  )
  for (const [kind, values] of byKind) {
    values.sort((a, b) => a - b)
    console.log(
      `  ${kind}: ${values.length} requests, p50 ${percentile(values, 50).toFixed(0)} ms, p99 ${percentile(values, 99).toFixed(0)} ms`,
    )
  }
  console.log(`server RSS MB: ${memory.map(([when, mb]) => `${when} ${mb}`).join(', ')}`)
  const failed = latencies.length - (statuses.get('200') ?? 0)
  if (failed > 0) process.exitCode = 1
}

await main()
