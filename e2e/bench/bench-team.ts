/**
 * Figures for a team on several app servers (docs/team.md), on this
 * machine (a script, not a test: times vary with the machine): a throwaway
 * PostgreSQL, the demo API in this process (so its requests are counted),
 * app servers as their own processes in shared-key mode behind a "proxy"
 * that names each dispatcher (X-Forwarded-User).
 *
 * 1. Upstream requests for BENCH_DISPATCHERS (20) dispatchers opening the
 *    board in Chromium within a minute, each until the tab counts show:
 *    all on one server, then spread over two.
 * 2. A change through server A to the event in a browser on server B
 *    (30 changes): p50, p95.
 * 3. Memory per open event stream: server B's resident memory before and
 *    after BENCH_STREAMS (200) streams.
 * 4. Those streams told of one change: p50, p95 and the last.
 *
 *   npm run bench:team
 */
import { chromium, type Browser } from '@playwright/test'
import { readFile } from 'node:fs/promises'
import pg from 'pg'
import { parseTimestamp } from '../../src/shared/tasks/api/schemas.ts'
import { chromiumLaunchOptions } from '../support/chromium.ts'
import { createDemoApi } from '../../server/demo-api/demo-api.ts'
import { startDemoServer } from '../../server/demo-api/demo-server.ts'
import { openEventStream, type EventStream } from '../../server/testing/open-event-stream.ts'
import { startPostgresCluster } from '../../server/store/postgres-cluster.ts'
import { DEMO_KEY, startAppProcess, type AppProcess } from '../../server/testing/start-app.ts'

const dispatchers = Number(process.env.BENCH_DISPATCHERS ?? 20)
const changes = 30
const streamCount = Number(process.env.BENCH_STREAMS ?? 200)

interface RawTask {
  _id: string
  priority?: string
  status: { lastModifiedAt: string }
}

const upstreamPaths: string[] = []
const demo = createDemoApi({ apiKey: DEMO_KEY, taskCount: 5000, latencyMs: 0, faultsEnabled: false })
const api = await startDemoServer(
  {
    handleApi(req, res, url) {
      upstreamPaths.push(url.split('?')[0] ?? url)
      demo.handleApi(req, res, url)
    },
    handleExtras: (req, res, url) => demo.handleExtras(req, res, url),
  },
  { host: '127.0.0.1', port: 0 },
)
const cluster = await startPostgresCluster()
const named = (person: string) => ({ 'x-forwarded-user': person })

async function team(size: number): Promise<AppProcess[]> {
  // A fresh database per team: no figure of an earlier run is there to answer.
  const name = `team_${size}_${Date.now()}`
  const admin = new pg.Client({ connectionString: cluster.url })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const env = {
    DATABASE_URL: Object.assign(new URL(cluster.url), { pathname: `/${name}` }).toString(),
    TASK_WRITES: 'priority',
    TRUSTED_USER_HEADER: 'X-Forwarded-User',
    TRUSTED_PROXIES: '127.0.0.1',
    TASK_WRITES_PER_MINUTE: '100000',
  }
  return Promise.all(
    Array.from({ length: size }, () =>
      startAppProcess({ mode: 'shared-key', upstream: api.baseUrl, serverKey: DEMO_KEY, env }),
    ),
  )
}

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN
}
const ms = (value: number) => `${value.toFixed(0)} ms`

/** Upstream requests while `dispatchers` browsers open the board, one after another, round the servers. */
async function openBoards(browser: Browser, servers: AppProcess[]): Promise<number> {
  const before = upstreamPaths.length
  for (let index = 0; index < dispatchers; index += 1) {
    const server = servers[index % servers.length]!
    const context = await browser.newContext({ extraHTTPHeaders: named(`dispatcher-${index}@example.com`) })
    const page = await context.newPage()
    await page.goto(`${server.url}/tasks`)
    // The tab counts are the figures the servers share: until every tab shows an exact one.
    await page.locator('#tab-all .tabs__count').waitFor({ timeout: 30_000 })
    await page.waitForFunction(() => document.querySelector('.tabs__count--approximate') === null, undefined, {
      timeout: 30_000,
    })
    await context.close()
  }
  return upstreamPaths.length - before
}

function rssOf(pid: number): Promise<number> {
  return readFile(`/proc/${pid}/status`, 'utf8').then((text) => Number(/VmRSS:\s+(\d+) kB/.exec(text)?.[1] ?? 0) * 1024)
}

const browser = await chromium.launch(chromiumLaunchOptions())
const lines: string[] = []
const servers: AppProcess[] = []
try {
  const [alone] = await team(1)
  servers.push(alone!)
  const oneServer = await openBoards(browser, [alone!])
  await alone!.stop()
  const [a, b] = await team(2)
  servers.push(a!, b!)
  const twoServers = await openBoards(browser, [a!, b!])
  lines.push(
    `${dispatchers} dispatchers opening the board: ${oneServer} upstream requests on one server, ` +
      `${twoServers} on two sharing one PostgreSQL`,
  )

  // 2. A change through A, seen by a browser on B.
  const context = await browser.newContext({ extraHTTPHeaders: named('watcher@example.com') })
  const page = await context.newPage()
  await page.goto(`${b!.url}/tasks`)
  await page.evaluate(() => {
    const seen: Record<string, number> = {}
    ;(window as unknown as { seen: Record<string, number> }).seen = seen
    const source = new EventSource('/app/events')
    source.addEventListener('task', (event) => {
      seen[(JSON.parse((event as MessageEvent<string>).data) as { taskId: string }).taskId] = Date.now()
    })
    return new Promise((resolve) => source.addEventListener('ready', resolve))
  })
  const tasks = JSON.parse(
    (await a!.call('GET', `/api/tasks/?limit=${changes}`, { headers: named('writer@example.com') })).text,
  ) as RawTask[]
  const change = (task: RawTask) =>
    a!.call('POST', `/app/tasks/${task._id}/changes`, {
      headers: named('writer@example.com'),
      body: {
        field: 'priority',
        from: task.priority ?? null,
        to: task.priority === 'urgent' ? 'low' : 'urgent',
        seenModifiedAt: parseTimestamp(task.status.lastModifiedAt),
      },
    })
  const delays: number[] = []
  const answered: number[] = []
  for (const task of tasks) {
    // From sending the change to A (its re-read, write and read-back included) to the event in B's browser.
    const sent = Date.now()
    const answer = await change(task)
    answered.push(Date.now() - sent)
    if ((answer.json as { outcome?: string }).outcome !== 'applied')
      throw new Error(`change not applied: ${answer.text}`)
    let at: number | undefined
    for (let tries = 0; tries < 500 && at === undefined; tries += 1) {
      at = await page.evaluate((id) => (window as unknown as { seen: Record<string, number> }).seen[id], task._id)
      if (at === undefined) await new Promise((resolve) => setTimeout(resolve, 5))
    }
    if (at === undefined) throw new Error('the event never came')
    delays.push(at - sent)
  }
  lines.push(
    `change sent to A → event in a browser on B (${delays.length} changes): p50 ${ms(quantile(delays, 0.5))}, ` +
      `p95 ${ms(quantile(delays, 0.95))} (A's answer to the change itself: p50 ${ms(quantile(answered, 0.5))})`,
  )
  await context.close()

  // 3 and 4. Many streams on B.
  const rssBefore = await rssOf(b!.pid)
  const streams: EventStream[] = []
  for (let index = 0; index < streamCount; index += 1) {
    // Ten per person, the most one person may hold, each person at an address of their own behind the proxy.
    const viewer = Math.floor(index / 10)
    const stream = await openEventStream(`${b!.url}/app/events`, {
      ...named(`viewer-${viewer}@example.com`),
      'x-forwarded-for': `10.0.${viewer}.1`,
    })
    if (stream.status !== 200) throw new Error(`stream ${index + 1} refused: ${stream.status}`)
    await stream.next('ready')
    streams.push(stream)
  }
  await new Promise((resolve) => setTimeout(resolve, 1000))
  const rssAfter = await rssOf(b!.pid)
  lines.push(
    `memory per open stream: ${((rssAfter - rssBefore) / streamCount / 1024).toFixed(1)} KiB ` +
      `(server B's resident memory ${(rssBefore / 2 ** 20).toFixed(1)} → ${(rssAfter / 2 ** 20).toFixed(1)} MiB with ${streamCount} streams)`,
  )
  const [last] = JSON.parse(
    (await a!.call('GET', `/api/tasks/?limit=1&offset=${changes}`, { headers: named('writer@example.com') })).text,
  ) as RawTask[]
  const started = Date.now()
  await change(last!)
  const told = await Promise.all(
    streams.map(async (stream) => (await stream.next('task', 30_000), Date.now() - started)),
  )
  lines.push(
    `${streamCount} open streams on one server, one change: all told; p50 ${ms(quantile(told, 0.5))}, ` +
      `p95 ${ms(quantile(told, 0.95))}, last ${ms(Math.max(...told))} (from sending the change)`,
  )
  for (const stream of streams) stream.close()
} finally {
  for (const server of servers) await server.stop()
  await browser.close()
  await cluster.destroy()
  await api.close()
}
console.log(lines.join('\n'))
