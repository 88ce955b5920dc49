import { afterAll, afterEach, beforeAll, expect, test } from 'vitest'
import { createAppServer } from '../app-server.ts'
import { rawRequest, startHostileUpstream, type HostileUpstream } from '../testing/hostile-upstream.ts'
import { keyContexts } from '../testing/key-contexts.ts'
import { startApp, type InProcessOptions } from '../testing/start-app.ts'
import { createUpstreamClient } from '../upstream/upstream-client.ts'

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

const TASK_ID = '64f0c0ffee0000000000000a'

test('forwards the path and query, with the server key and no browser headers', async () => {
  upstream.respond((_url, res) => {
    res.writeHead(200, {
      'content-type': 'application/json',
      'x-powered-by': 'PHP/8.1',
      'x-total-count': '42',
      connection: 'close',
    })
    res.end('[]')
  })
  const app = await startApp({
    mode: 'shared-key',
    upstream: `${upstream.origin}/v2`,
    serverKey: 'server:key',
    store: false,
  })
  try {
    const response = await fetch(`${app.url}/api/tasks/?limit=5&sort=%7B%22by%22%3A%22dueDate%22%7D`, {
      headers: { 'x-api-key': 'browser:key', cookie: 'board=1', authorization: 'Bearer x' },
    })
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual([])
    expect(response.headers.get('x-powered-by')).toBeNull()
    expect(response.headers.get('x-total-count')).toBe('42')
    expect(upstream.seen[0]!.url).toBe('/v2/tasks/?limit=5&sort=%7B%22by%22%3A%22dueDate%22%7D')
    expect(upstream.seen[0]!.headers['x-api-key']).toBe('server:key')
    expect(upstream.seen[0]!.headers.cookie).toBeUndefined()
    expect(upstream.seen[0]!.headers.authorization).toBeUndefined()
  } finally {
    await app.stop()
  }
})

test("forwards the browser's key when the server has none, and says the answer varies with it", async () => {
  const app = await startApp({ mode: 'personal-key', upstream: `${upstream.origin}/v2`, store: false })
  try {
    const response = await fetch(`${app.url}/api/taskTypes/`, { headers: { 'x-api-key': 'browser:key' } })
    expect(upstream.seen[0]!.headers['x-api-key']).toBe('browser:key')
    expect(response.headers.get('vary')).toBe('x-api-key')
  } finally {
    await app.stop()
  }
})

test('answers JSON that no cache keeps, whatever the upstream says, and passes no cookie', async () => {
  upstream.respond((_url, res) => {
    res.writeHead(200, {
      'content-type': 'text/html',
      'cache-control': 'public, max-age=86400',
      etag: '"abc"',
      'set-cookie': ['session=abc; HttpOnly', 'tracker=1'],
    })
    res.end('[]')
  })
  const app = await inFront()
  try {
    const { status, headers } = await rawRequest(app.url, '/api/customers/', { headers: { host: '127.0.0.1' } })
    expect(status).toBe(200)
    expect(headers['content-type']).toBe('application/json; charset=utf-8')
    expect(headers['cache-control']).toBe('no-store')
    expect(headers['set-cookie']).toBeUndefined()
    expect(headers.etag).toBeUndefined()
    expect(headers.vary).toBeUndefined()
  } finally {
    await app.stop()
  }
})

test('passes upstream errors in the API shape, without HTML, stack traces or keys', async () => {
  const app = await startApp({
    mode: 'shared-key',
    upstream: `${upstream.origin}/v2`,
    serverKey: 'abc123:s3cr3t-value',
    store: false,
  })
  try {
    upstream.respond((_url, res) => {
      res.writeHead(500, { 'content-type': 'text/html' })
      res.end('<html><body>Fatal error in /var/www/app.php on line 12</body></html>')
    })
    const html = await fetch(`${app.url}/api/tasks/`)
    expect(html.status).toBe(500)
    expect(await html.json()).toEqual({
      message: 'The tasks API answered with status 500.',
      errors: [{ message: 'The tasks API answered with status 500.' }],
    })

    upstream.respond((_url, res) => {
      res.writeHead(500, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ message: 'TypeError: x is undefined\n    at handler (/srv/app.js:1:1)' }))
    })
    const stack = await fetch(`${app.url}/api/tasks/`)
    expect(((await stack.json()) as { message: string }).message).toBe('The tasks API answered with status 500.')

    upstream.respond((_url, res) => {
      res.writeHead(401, { 'content-type': 'application/json' })
      res.end(
        JSON.stringify({ message: 'Invalid API key abc123:s3cr3t-value (secret s3cr3t-value, other k9x:zzzzzzzzzz)' }),
      )
    })
    const echoed = await fetch(`${app.url}/api/tasks/`)
    expect(echoed.status).toBe(401)
    const text = await echoed.text()
    expect(text).not.toContain('s3cr3t')
    expect(text).not.toContain('zzzzzzzz')
    expect(JSON.parse(text)).toMatchObject({
      message: 'Invalid API key [redacted] (secret [redacted], other [redacted])',
    })

    upstream.respond((_url, res) => {
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '3' })
      res.end(JSON.stringify({ message: 'Too many requests', errors: [{ message: 'slow down' }] }))
    })
    const limited = await fetch(`${app.url}/api/tasks/`)
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('3')
    expect(((await limited.json()) as { message: string }).message).toBe('Too many requests')
  } finally {
    await app.stop()
  }
})

test("scrubs the browser's own key from messages too", async () => {
  upstream.respond((_url, res) => {
    res.writeHead(403, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ message: 'Key mine:personal-secret is not allowed here' }))
  })
  const app = await startApp({ mode: 'personal-key', upstream: `${upstream.origin}/v2`, store: false })
  try {
    const answer = await fetch(`${app.url}/api/tasks/`, { headers: { 'x-api-key': 'mine:personal-secret' } })
    expect(await answer.text()).not.toContain('personal-secret')
  } finally {
    await app.stop()
  }
})

test('answers 504 when the upstream is slow and recovers on the next request', async () => {
  const app = await inFront({ env: { UPSTREAM_TIMEOUT_MS: '300' } })
  try {
    upstream.respond(() => {
      /* never answers */
    })
    const slow = await fetch(`${app.url}/api/tasks/`)
    expect(slow.status).toBe(504)
    expect(((await slow.json()) as { message: string }).message).toMatch(/did not answer/)
    upstream.respond((_url, res) => res.end('[]'))
    expect((await fetch(`${app.url}/api/tasks/`)).status).toBe(200)
  } finally {
    await app.stop()
  }
})

test('answers 502 quickly when the upstream is down', async () => {
  const app = await startApp({
    mode: 'shared-key',
    upstream: 'http://127.0.0.1:1/v2',
    serverKey: 'k',
    store: false,
    env: { UPSTREAM_TIMEOUT_MS: '5000' },
  })
  try {
    const started = Date.now()
    const response = await fetch(`${app.url}/api/tasks/`)
    expect(response.status).toBe(502)
    expect(Date.now() - started).toBeLessThan(1000)
    expect(await response.json()).toEqual({
      message: 'The tasks API could not be reached.',
      errors: [{ message: 'The tasks API could not be reached.' }],
    })
  } finally {
    await app.stop()
  }
})

test('refuses other methods and unlisted paths without asking the upstream', async () => {
  const app = await inFront()
  try {
    const post = await fetch(`${app.url}/api/tasks/`, { method: 'POST', body: '{}' })
    expect(post.status).toBe(405)
    expect(post.headers.get('allow')).toBe('GET, HEAD')
    expect((await fetch(`${app.url}/api/users/u1/contracts`)).status).toBe(404)
    expect((await rawRequest(app.url, '/api/tasks/../../admin/users')).status).toBe(404)
    expect((await rawRequest(app.url, '/api/tasks/%2e%2e/%2e%2e/admin')).status).toBe(404)
    expect(upstream.seen).toEqual([])
  } finally {
    await app.stop()
  }
})

test('the server can be built on any bounded client, which is what reaches the upstream', async () => {
  const calls: string[] = []
  const client = createUpstreamClient({
    baseUrl: `${upstream.origin}/v2`,
    timeoutMs: 1000,
    maxBodyBytes: 1000,
    maxConcurrent: 1,
    maxQueued: 1,
  })
  const app = createAppServer({
    upstream: (request) => {
      calls.push(request.path)
      return client(request)
    },
    contextFor: keyContexts('k', client),
    frontend: () => Promise.resolve(),
  })
  await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve))
  const { port } = app.address() as { port: number }
  try {
    expect((await fetch(`http://127.0.0.1:${port}/api/tasks/${TASK_ID}`)).status).toBe(502)
    expect(calls).toEqual([`/tasks/${TASK_ID}`])
  } finally {
    app.closeAllConnections()
    await new Promise((resolve) => app.close(resolve))
  }
})
