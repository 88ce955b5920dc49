/**
 * Figures for exports (docs/export.md), on this machine (a script, not a
 * test: times vary with the machine): the demo API in this process (so its
 * requests are counted), an app server as its own process in shared-key
 * mode, and BENCH_EXPORT_TASKS (5,000) tasks exported as CSV and as XLSX,
 * each BENCH_RUNS (3) times:
 *
 * - the time from the request to the file's last byte (p50 of the runs),
 * - the app server's resident memory at its highest during the exports
 *   (sampled every 10 ms), against before the first (its start-up peak,
 *   the embedded store's, is above both),
 * - the upstream requests each export sent, and the file's size.
 *
 *   npm run bench:export
 */
import { readFile } from 'node:fs/promises'
import { createDemoApi } from '../../server/demo-api/demo-api.ts'
import { startDemoServer } from '../../server/demo-api/demo-server.ts'
import { DEMO_KEY, startAppProcess } from '../../server/testing/start-app.ts'

const taskCount = Number(process.env.BENCH_EXPORT_TASKS ?? 5000)
const runs = Number(process.env.BENCH_RUNS ?? 3)

let upstreamRequests = 0
const demo = createDemoApi({ apiKey: DEMO_KEY, taskCount, latencyMs: 0, faultsEnabled: false })
const api = await startDemoServer(
  {
    handleApi(req, res, url) {
      upstreamRequests += 1
      demo.handleApi(req, res, url)
    },
    handleExtras: (req, res, url) => demo.handleExtras(req, res, url),
  },
  { host: '127.0.0.1', port: 0 },
)
const app = await startAppProcess({
  mode: 'shared-key',
  upstream: api.baseUrl,
  serverKey: DEMO_KEY,
  env: { COUNT_BUDGET_PER_MINUTE: '100000' },
})

const memory = async (field: 'VmRSS' | 'VmHWM') =>
  Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(await readFile(`/proc/${app.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

try {
  // The count is the figures' and is cached: taken once before, as a dispatcher's board would have.
  await fetch(`${app.url}/app/export/size?view=tab%3Dall`)
  await fetch(`${app.url}/app/export/size?view=tab%3Dall`)
  const before = await memory('VmRSS')
  console.log(`machine: Node ${process.version}; ${taskCount} tasks; ${runs} runs per format`)
  console.log(
    `app server resident before: ${before.toFixed(0)} MiB (its peak until then, starting: ${(await memory('VmHWM')).toFixed(0)} MiB)`,
  )
  for (const format of ['csv', 'xlsx'] as const) {
    const times: number[] = []
    let highest = 0
    const sampler = setInterval(() => {
      void memory('VmRSS').then((rss) => (highest = Math.max(highest, rss)))
    }, 10)
    let bytes = 0
    let requests = 0
    for (let run = 0; run < runs; run += 1) {
      const params = new URLSearchParams({ view: 'tab=all', format, tz: 'Europe/Berlin' })
      const sentBefore = upstreamRequests
      const started = performance.now()
      const response = await fetch(`${app.url}/app/export?${params.toString()}`)
      if (response.status !== 200) throw new Error(`export ${format}: ${response.status} ${await response.text()}`)
      bytes = (await response.arrayBuffer()).byteLength
      times.push(performance.now() - started)
      requests = upstreamRequests - sentBefore
    }
    clearInterval(sampler)
    console.log(
      `${format}: ${median(times).toFixed(0)} ms (runs ${times.map((time) => time.toFixed(0)).join(', ')}), ` +
        `${requests} upstream requests, ${(bytes / 1024).toFixed(0)} KiB, ` +
        `resident at most ${highest.toFixed(0)} MiB (+${(highest - before).toFixed(0)} MiB)`,
    )
  }
} finally {
  await app.stop()
  await api.close()
}
