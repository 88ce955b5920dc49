import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createGzip } from 'node:zlib'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { startHostileUpstream, type HostileUpstream } from '../testing/hostile-upstream.ts'
import { startApp, type InProcessOptions } from '../testing/start-app.ts'
import { createUpstreamClient } from './upstream-client.ts'
import { UpstreamError } from './upstream-error.ts'

let upstream: HostileUpstream

/** The app server in front of the stand-in upstream with the key `k`: the proxy, the figures and the pages, no store. */
const inFront = (options: InProcessOptions = {}) =>
  startApp({ mode: 'shared-key', upstream: `${upstream.origin}/v2`, serverKey: 'k', store: false, ...options })

beforeAll(async () => {
  upstream = await startHostileUpstream()
})
afterAll(() => upstream.close())

/** 256 MB of zeros as about 250 KB of gzip, compressed once, in pieces: the test must not hold the bomb itself. */
let bomb: Promise<Buffer> | undefined
function gzipBomb(): Promise<Buffer> {
  bomb ??= new Promise((resolve, reject) => {
    const gzip = createGzip({ level: 9 })
    const parts: Buffer[] = []
    gzip.on('data', (part: Buffer) => parts.push(part))
    gzip.on('end', () => resolve(Buffer.concat(parts)))
    gzip.on('error', reject)
    const zeros = Buffer.alloc(1 << 20, '0')
    let written = 0
    const pump = () => {
      while (written < 256) {
        written += 1
        if (!gzip.write(zeros)) return void gzip.once('drain', pump)
      }
      gzip.end()
    }
    pump()
  })
  return bomb
}

test('a gzip bomb is cut off at the body cap with a 502, and memory stays bounded', async () => {
  const compressed = await gzipBomb()
  upstream.respond((_url, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' })
    res.end(compressed)
  })
  const app = await inFront({ env: { UPSTREAM_BODY_MB: '2' } })
  try {
    global.gc?.()
    const before = process.memoryUsage()
    let peak = 0
    const sampler = setInterval(() => {
      const now = process.memoryUsage()
      peak = Math.max(peak, now.rss - before.rss, now.arrayBuffers - before.arrayBuffers)
    }, 5)
    const answers = await Promise.all(Array.from({ length: 4 }, () => fetch(`${app.url}/api/tasks/`)))
    clearInterval(sampler)
    for (const answer of answers) {
      expect(answer.status).toBe(502)
      expect(await answer.json()).toMatchObject({ message: 'The tasks API sent an answer too large to pass on.' })
    }
    // Four decoded bombs would be 1 GB; four capped bodies are 8 MB plus buffers in flight.
    expect(peak).toBeLessThan(150_000_000)
  } finally {
    await app.stop()
  }
})

test('a plain body over the cap is a 502, one under it passes', async () => {
  const app = await inFront({ env: { UPSTREAM_BODY_MB: '0.01' } })
  try {
    upstream.respond((_url, res) => res.end(JSON.stringify([{ _id: 'c1', name: 'x'.repeat(20_000) }])))
    expect((await fetch(`${app.url}/api/customers/`)).status).toBe(502)
    upstream.respond((_url, res) => res.end(JSON.stringify([{ _id: 'c1', name: 'x'.repeat(9_000) }])))
    expect((await fetch(`${app.url}/api/customers/`)).status).toBe(200)
  } finally {
    await app.stop()
  }
})

test('at most maxConcurrent calls are in flight; beyond the queue the server answers 503', async () => {
  let inFlight = 0
  let most = 0
  const waiting: (() => void)[] = []
  upstream.respond((_url, res) => {
    inFlight += 1
    most = Math.max(most, inFlight)
    waiting.push(() => {
      inFlight -= 1
      res.end('[]')
    })
  })
  const app = await inFront({ env: { UPSTREAM_CALLS: '3' }, client: { maxQueued: 4 } })
  try {
    const answers = Array.from({ length: 9 }, () => fetch(`${app.url}/api/tasks/`).then((answer) => answer.status))
    while (waiting.length < 3) await new Promise((resolve) => setTimeout(resolve, 10))
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(waiting.length).toBe(3)
    const releaseAll = setInterval(() => waiting.shift()?.(), 5)
    const statuses = await Promise.all(answers)
    clearInterval(releaseAll)
    expect(most).toBe(3)
    expect(statuses.filter((status) => status === 200)).toHaveLength(7)
    expect(statuses.filter((status) => status === 503)).toHaveLength(2)
  } finally {
    await app.stop()
  }
})

test('other server modules can call the upstream through the same client', async () => {
  upstream.respond((url, res) => res.end(JSON.stringify({ url })))
  const get = createUpstreamClient({
    baseUrl: `${upstream.origin}/v2`,
    timeoutMs: 1000,
    maxBodyBytes: 1000,
    maxConcurrent: 1,
    maxQueued: 1,
  })
  const answer = await get({ path: '/users/self', key: 'id:secret', priority: 'background' })
  expect(answer.status).toBe(200)
  expect(answer.json()).toEqual({ url: '/v2/users/self' })
  await expect(get({ path: '/tasks/..%2Fusers' })).rejects.toMatchObject({ kind: 'bad-path' })
  await expect(get({ path: '//evil.example/tasks' })).rejects.toBeInstanceOf(UpstreamError)
})

test('a connection the upstream drops before answering is tried once more', async () => {
  let requests = 0
  const flaky = createServer((req, res) => {
    requests += 1
    // The first request meets a connection that closes under it, as a kept-alive socket the upstream timed out.
    if (requests === 1) {
      req.socket.destroy()
      return
    }
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end('[]')
  })
  await new Promise<void>((resolve) => flaky.listen(0, '127.0.0.1', resolve))
  try {
    const { port } = flaky.address() as AddressInfo
    const get = createUpstreamClient({
      baseUrl: `http://127.0.0.1:${port}/v2`,
      timeoutMs: 5000,
      maxBodyBytes: 1000,
      maxConcurrent: 1,
      maxQueued: 1,
    })
    const answer = await get({ path: '/users/self' })
    expect(answer.status).toBe(200)
    expect(requests).toBe(2)
  } finally {
    flaky.closeAllConnections()
    await new Promise((resolve) => flaky.close(resolve))
  }
})
