import { startPostgresCluster } from '../server/store/postgres-cluster.ts'
import { startApp, type RunningApp } from '../server/testing/start-app.ts'

/**
 * `npm run bench:views`: list and save latency of the views API over HTTP,
 * on the embedded store and on PostgreSQL (a throwaway local server, or
 * BENCH_DATABASE_URL). Prints figures; judges nothing.
 */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 200)
const SEEDED = 100

async function measure(label: string, app: RunningApp): Promise<void> {
  for (let i = 0; i < SEEDED; i++) {
    await app.call('POST', '/app/views', {
      body: { name: `seed ${i}`, query: `tab=open&q=seed${i}`, scope: i % 2 ? 'team' : 'personal' },
    })
  }
  const list: number[] = []
  const save: number[] = []
  for (let i = 0; i < ROUNDS; i++) {
    let start = performance.now()
    const listed = await app.call('GET', '/app/views')
    list.push(performance.now() - start)
    if (listed.status !== 200) throw new Error(`list answered ${listed.status}`)
    start = performance.now()
    const saved = await app.call('POST', '/app/views', { body: { name: `bench ${label} ${i}`, query: 'tab=all' } })
    save.push(performance.now() - start)
    if (saved.status !== 201) throw new Error(`save answered ${saved.status}`)
  }
  console.log(`${label.padEnd(10)} list of ${SEEDED}+ views: ${figures(list)}   save: ${figures(save)}`)
}

function figures(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(1)
  return `p50 ${at(0.5)} ms, p95 ${at(0.95)} ms`
}

// The bench writes faster than any person; the write limit would only measure itself.
const env = { VIEW_WRITES_PER_MINUTE: '100000' }
const embedded = await startApp({ mode: 'demo', env })
try {
  await measure('embedded', embedded)
} finally {
  await embedded.stop()
}

const cluster = process.env.BENCH_DATABASE_URL ? undefined : await startPostgresCluster()
const postgres = await startApp({
  mode: 'demo',
  env: { ...env, DATABASE_URL: process.env.BENCH_DATABASE_URL ?? cluster!.url },
})
try {
  await measure('postgres', postgres)
} finally {
  await postgres.stop()
  await cluster?.destroy()
}
