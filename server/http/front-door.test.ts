import { connect } from 'node:net'
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest'
import { rawRequest, startHostileUpstream, type HostileUpstream } from '../testing/hostile-upstream.ts'
import { startApp, type InProcessOptions } from '../testing/start-app.ts'

let upstream: HostileUpstream

/** The app server in front of the stand-in upstream with the key `k`: the proxy, the figures and the pages, no store. */
const inFront = (options: InProcessOptions = {}) =>
  startApp({ mode: 'shared-key', upstream: `${upstream.origin}/v2`, serverKey: 'k', store: false, ...options })

beforeAll(async () => {
  upstream = await startHostileUpstream()
})
afterAll(() => upstream.close())
afterEach(() => {
  upstream.seen.length = 0
})

test('an id with encoded separators, backslashes or dot segments never reaches the upstream', async () => {
  const app = await inFront()
  try {
    for (const path of [
      '/api/tasks/..%2Fusers%2F',
      '/api/tasks/..%5Cusers',
      '/api/tasks/%2e%2e%2fusers',
      '/api/tasks/..%2Fusers%2Fself',
      '/api/tasks/..\\users',
      '/api/tasks/.',
      '/api/tasks/64f0c0ffee0000000000000a%2F',
      '/api/tasks/not-an-object-id',
      '/api/users/self/..',
      '/api/users/%73elf',
    ]) {
      expect((await rawRequest(app.url, path)).status, path).toBe(404)
    }
    expect(upstream.seen).toEqual([])
    expect((await rawRequest(app.url, '/api/tasks/64f0c0ffee0000000000000a')).status).toBe(502)
    expect(upstream.seen.map((request) => request.url)).toEqual(['/v2/tasks/64f0c0ffee0000000000000a'])
  } finally {
    await app.stop()
  }
})

test('a path starting with // or an absolute-form target is a 400, not a crash', async () => {
  const app = await inFront()
  try {
    for (const path of [
      '/api//x:99999/tasks/',
      '//x:99999/api/tasks/',
      '/api/tasks//',
      'http://evil.example/api/tasks/',
    ]) {
      const answer = await rawRequest(app.url, path)
      expect(answer.status, path).toBe(400)
      expect(JSON.parse(answer.text)).toMatchObject({ message: 'Malformed request path.' })
    }
    expect(upstream.seen).toEqual([])
  } finally {
    await app.stop()
  }
})

test('answers only the hosts it serves: 421 with no data for any other name', async () => {
  const app = await inFront({ env: { ALLOWED_HOSTS: 'board.example.com' } })
  const port = new URL(app.url).port
  try {
    for (const host of [
      'rebound.attacker.example',
      `rebound.attacker.example:${port}`,
      '127.0.0.1.nip.io',
      'evil.com',
    ]) {
      for (const path of ['/api/users/self', '/tasks']) {
        const answer = await rawRequest(app.url, path, { headers: { host } })
        expect(answer.status, host).toBe(421)
        expect(answer.text).not.toContain('spa')
      }
    }
    expect(upstream.seen).toEqual([])
    for (const host of [
      `127.0.0.1:${port}`,
      `localhost:${port}`,
      `[::1]:${port}`,
      'board.example.com',
      'BOARD.example.com.',
    ]) {
      expect((await rawRequest(app.url, '/tasks', { headers: { host } })).status, host).toBe(200)
    }
  } finally {
    await app.stop()
  }
})

test('a server bound to every interface answers the address it was reached on', async () => {
  const app = await inFront({ env: { HOST: '0.0.0.0' } })
  try {
    expect((await rawRequest(app.url, '/tasks', { headers: { host: '127.0.0.1' } })).status).toBe(200)
    expect((await rawRequest(app.url, '/tasks', { headers: { host: '0.0.0.0' } })).status).toBe(421)
    expect((await rawRequest(app.url, '/tasks', { headers: { host: '10.1.2.3' } })).status).toBe(421)
  } finally {
    await app.stop()
  }
})

/** Opens a connection, writes `chunks` one per interval, and resolves with how long the server kept it open. */
function trickle(origin: string, chunks: string[], intervalMs: number): Promise<{ ms: number; received: string }> {
  const { port } = new URL(origin)
  return new Promise((resolve) => {
    const started = Date.now()
    const socket = connect(Number(port), '127.0.0.1')
    let received = ''
    let index = 0
    const timer = setInterval(() => {
      if (index < chunks.length && !socket.destroyed) socket.write(chunks[index++]!)
    }, intervalMs)
    socket.on('data', (data) => (received += data.toString()))
    socket.on('error', () => {})
    socket.on('close', () => {
      clearInterval(timer)
      resolve({ ms: Date.now() - started, received })
    })
  })
}

const FAST_LIMITS = {
  headersTimeoutMs: 600,
  requestTimeoutMs: 1200,
  checkIntervalMs: 100,
  maxConnections: 50,
  idleTimeoutMs: 800,
}

test('a client sending its headers a byte at a time is cut off', async () => {
  const app = await inFront({ limits: FAST_LIMITS })
  try {
    const request = 'GET /tasks HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ' + 'a'.repeat(200)
    const { ms } = await trickle(app.url, request.split(''), 50)
    expect(ms).toBeLessThan(2500)
  } finally {
    await app.stop()
  }
})

test('a client sending its body a byte at a time is cut off', async () => {
  const app = await inFront({ limits: FAST_LIMITS })
  try {
    const head = 'POST /tasks HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000\r\n\r\n'
    const { ms, received } = await trickle(app.url, [head, ...'x'.repeat(200).split('')], 50)
    expect(ms).toBeLessThan(3000)
    expect(received).toContain('408 Request Timeout')
  } finally {
    await app.stop()
  }
})

test('a client that stops reading its answers is cut off, and its connection freed', async () => {
  // Answers larger than the connection's buffers: the server's writes stall once the client stops reading.
  const tasks = Array.from({ length: 1000 }, (_, index) => ({
    _id: index.toString(16).padStart(24, '0'),
    title: `Task ${index} ${'x'.repeat(1000)}`,
    status: { status: 1, createdAt: 1, createdBy: 'u', lastModifiedAt: 1, lastModifiedBy: 'u' },
  }))
  upstream.respond((_url, res) => {
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end(JSON.stringify(tasks))
  })
  // Two connections in all, both held by clients that stopped reading.
  const app = await inFront({ limits: { ...FAST_LIMITS, maxConnections: 2 } })
  const stalled = [0, 1].map(() => connect(Number(new URL(app.url).port), '127.0.0.1'))
  try {
    const one = (offset: number) => `GET /api/tasks/?limit=1000&offset=${offset} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`
    for (const socket of stalled) {
      socket.on('error', () => {})
      await new Promise((resolve) => socket.once('connect', resolve))
      socket.write(Array.from({ length: 12 }, (_, index) => one(index)).join(''))
      socket.pause()
    }
    // Without the cut-off nobody else gets in for as long as they stay; with it, once the idle time has passed.
    const started = Date.now()
    let status = 0
    while (status !== 200 && Date.now() - started < 8000) {
      await new Promise((resolve) => setTimeout(resolve, 250))
      status = await rawRequest(app.url, '/tasks', { headers: { host: '127.0.0.1' } }).then(
        (answer) => answer.status,
        () => 0,
      )
    }
    expect(status).toBe(200)
  } finally {
    stalled.forEach((socket) => socket.destroy())
    await app.stop()
  }
}, 20_000)

test('connections beyond the cap are closed as they arrive', async () => {
  const app = await inFront({ limits: { ...FAST_LIMITS, maxConnections: 3 } })
  const { port } = new URL(app.url)
  const held = Array.from({ length: 3 }, () => connect(Number(port), '127.0.0.1'))
  try {
    await Promise.all(held.map((socket) => new Promise((resolve) => socket.once('connect', resolve))))
    await expect(rawRequest(app.url, '/tasks', { headers: { host: '127.0.0.1' } })).rejects.toThrow()
    held.forEach((socket) => socket.destroy())
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect((await rawRequest(app.url, '/tasks', { headers: { host: '127.0.0.1' } })).status).toBe(200)
  } finally {
    held.forEach((socket) => socket.destroy())
    await app.stop()
  }
})

test('pictures may come from this origin and the configured ones only; no <base>', async () => {
  const app = await inFront({ env: { AVATAR_HOSTS: 'https://files.example.com' } })
  try {
    const { headers } = await rawRequest(app.url, '/tasks', { headers: { host: '127.0.0.1' } })
    const csp = String(headers['content-security-policy'])
    // The API's own origin, as the server adds it in front of a tasks API, and the configured host.
    expect(csp).toContain(`img-src 'self' ${upstream.origin} https://files.example.com;`)
    expect(csp).toContain("base-uri 'none'")
    expect(csp).not.toMatch(/img-src[^;]*(https:|http:)(\s|;)/)
  } finally {
    await app.stop()
  }
})
