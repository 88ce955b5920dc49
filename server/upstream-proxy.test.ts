import { createServer, request, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest'
import { createAppServer } from './app-server.ts'

/** A stand-in upstream whose next answer each test sets. */
let upstream: Server
let upstreamUrl: string
let respond: (url: string, headers: IncomingHttpHeaders, res: ServerResponse) => void
const seen: { url: string; headers: IncomingHttpHeaders }[] = []

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

/** GETs a path exactly as written; fetch would resolve its dot segments first. */
function rawStatus(origin: string, rawPath: string): Promise<number> {
  const { hostname, port } = new URL(origin)
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port: Number(port), path: rawPath, method: 'GET' }, (res) => {
      res.resume()
      resolve(res.statusCode ?? 0)
    })
    req.on('error', reject)
    req.end()
  })
}

async function startApp(
  apiKey: string | undefined,
  timeoutMs = 2000,
): Promise<{ url: string; close: () => Promise<void> }> {
  const app = createAppServer({
    upstream: { baseUrl: `${upstreamUrl}/v2`, apiKey, timeoutMs },
    frontend: (_req, res) => {
      res.end('spa')
      return Promise.resolve()
    },
  })
  const url = await listen(app)
  return {
    url,
    close: () =>
      new Promise((resolve) => {
        app.close(() => resolve())
        app.closeAllConnections()
      }),
  }
}

beforeAll(async () => {
  upstream = createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers })
    respond(req.url ?? '', req.headers, res)
  })
  upstreamUrl = await listen(upstream)
})

afterAll(async () => {
  upstream.closeAllConnections()
  await new Promise((resolve) => upstream.close(resolve))
})

afterEach(() => {
  seen.length = 0
})

test('forwards the path and query, with the server key and no browser headers', async () => {
  respond = (_url, _headers, res) => {
    res.writeHead(200, {
      'content-type': 'application/json',
      'set-cookie': 'session=abc',
      'x-powered-by': 'PHP/8.1',
      'x-total-count': '42',
      connection: 'close',
    })
    res.end('[]')
  }
  const app = await startApp('server:key')
  try {
    const response = await fetch(`${app.url}/api/tasks/?limit=5&sort=%7B%22by%22%3A%22dueDate%22%7D`, {
      headers: { 'x-api-key': 'browser:key', cookie: 'board=1', authorization: 'Bearer x' },
    })
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual([])
    expect(response.headers.get('set-cookie')).toBeNull()
    expect(response.headers.get('x-powered-by')).toBeNull()
    expect(response.headers.get('x-total-count')).toBe('42')
    expect(seen[0]!.url).toBe('/v2/tasks/?limit=5&sort=%7B%22by%22%3A%22dueDate%22%7D')
    expect(seen[0]!.headers['x-api-key']).toBe('server:key')
    expect(seen[0]!.headers.cookie).toBeUndefined()
    expect(seen[0]!.headers.authorization).toBeUndefined()
  } finally {
    await app.close()
  }
})

test("forwards the browser's key when the server has none", async () => {
  respond = (_url, _headers, res) => res.end('[]')
  const app = await startApp(undefined)
  try {
    await fetch(`${app.url}/api/taskTypes/`, { headers: { 'x-api-key': 'browser:key' } })
    expect(seen[0]!.headers['x-api-key']).toBe('browser:key')
  } finally {
    await app.close()
  }
})

test('passes upstream errors in the API shape, without HTML or stack traces', async () => {
  const app = await startApp('k')
  try {
    respond = (_url, _headers, res) => {
      res.writeHead(500, { 'content-type': 'text/html' })
      res.end('<html><body>Fatal error in /var/www/app.php on line 12</body></html>')
    }
    const html = await fetch(`${app.url}/api/tasks/`)
    expect(html.status).toBe(500)
    expect(await html.json()).toEqual({
      message: 'The tasks API answered with status 500.',
      errors: [{ message: 'The tasks API answered with status 500.' }],
    })

    respond = (_url, _headers, res) => {
      res.writeHead(500, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ message: 'TypeError: x is undefined\n    at handler (/srv/app.js:1:1)' }))
    }
    const stack = await fetch(`${app.url}/api/tasks/`)
    expect(((await stack.json()) as { message: string }).message).toBe('The tasks API answered with status 500.')

    respond = (_url, _headers, res) => {
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '3' })
      res.end(JSON.stringify({ message: 'Too many requests', errors: [{ message: 'slow down' }] }))
    }
    const limited = await fetch(`${app.url}/api/tasks/`)
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('3')
    expect(((await limited.json()) as { message: string }).message).toBe('Too many requests')
  } finally {
    await app.close()
  }
})

test('answers 504 when the upstream is slow and recovers on the next request', async () => {
  const app = await startApp('k', 300)
  try {
    respond = () => {
      /* never answers */
    }
    const slow = await fetch(`${app.url}/api/tasks/`)
    expect(slow.status).toBe(504)
    expect(((await slow.json()) as { message: string }).message).toMatch(/did not answer/)
    respond = (_url, _headers, res) => res.end('[]')
    expect((await fetch(`${app.url}/api/tasks/`)).status).toBe(200)
  } finally {
    await app.close()
  }
})

test('answers 502 quickly when the upstream is down', async () => {
  const app = createAppServer({
    upstream: { baseUrl: 'http://127.0.0.1:1/v2', apiKey: 'k', timeoutMs: 5000 },
    frontend: (_req, res) => {
      res.end()
      return Promise.resolve()
    },
  })
  const url = await listen(app)
  try {
    const started = Date.now()
    const response = await fetch(`${url}/api/tasks/`)
    expect(response.status).toBe(502)
    expect(Date.now() - started).toBeLessThan(1000)
    expect(await response.json()).toEqual({
      message: 'The tasks API could not be reached.',
      errors: [{ message: 'The tasks API could not be reached.' }],
    })
  } finally {
    app.closeAllConnections()
    await new Promise((resolve) => app.close(resolve))
  }
})

test('strips personal data from users, in lists and alone', async () => {
  const fullUser = {
    _id: 'u1',
    general: {
      firstName: 'Anna',
      lastName: 'Schmidt',
      profileImage: '/a.svg',
      birthDate: '1980-01-01',
      insuranceNumber: '12 345678 A 123',
    },
    address: { street: 'Hauptstraße 1' },
    contract: { hourlyWage: 21.5 },
  }
  const app = await startApp('k')
  try {
    respond = (url, _headers, res) => res.end(JSON.stringify(url.startsWith('/v2/users/self') ? fullUser : [fullUser]))
    const expected = { _id: 'u1', general: { firstName: 'Anna', lastName: 'Schmidt', profileImage: '/a.svg' } }
    expect(await (await fetch(`${app.url}/api/users/?limit=5`)).json()).toEqual([expected])
    expect(await (await fetch(`${app.url}/api/users/self`)).json()).toEqual(expected)
  } finally {
    await app.close()
  }
})

test('refuses other methods and unlisted paths without asking the upstream', async () => {
  respond = (_url, _headers, res) => res.end('[]')
  const app = await startApp('k')
  try {
    const post = await fetch(`${app.url}/api/tasks/`, { method: 'POST', body: '{}' })
    expect(post.status).toBe(405)
    expect(post.headers.get('allow')).toBe('GET, HEAD')
    expect((await fetch(`${app.url}/api/users/u1/contracts`)).status).toBe(404)
    expect(await rawStatus(app.url, '/api/tasks/../../admin/users')).toBe(404)
    expect(await rawStatus(app.url, '/api/tasks/%2e%2e/%2e%2e/admin')).toBe(404)
    expect(seen).toEqual([])
  } finally {
    await app.close()
  }
})
