import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createDemoApi, DEFAULT_DEMO_API_KEY, readDemoApiConfig } from './demo-api.ts'
import type { DemoTask, DemoUser } from './entities.ts'
import { startTestApi, TEST_API_KEY, TEST_NOW, type TestApi } from '../testing/test-api.ts'

let api: TestApi

beforeAll(async () => {
  api = await startTestApi({ taskCount: 300 })
})

afterAll(async () => {
  await api.close()
})

describe('authentication', () => {
  test('no key or a wrong key is a 401 in the error shape', async () => {
    for (const headers of [
      {},
      { 'x-API-Key': 'wrong' },
      { authorization: 'Bearer wrong' },
      { authorization: TEST_API_KEY },
    ]) {
      const response = await fetch(`${api.baseUrl}/tasks/`, { headers })
      expect(response.status).toBe(401)
      expect(response.headers.get('content-type')).toMatch(/^application\/json/)
      expect(await response.json()).toEqual({
        message: 'Unauthorized: missing or invalid API key',
        errors: [{ message: 'Unauthorized: missing or invalid API key' }],
      })
    }
  })

  test('the key is accepted as x-API-Key or as a bearer token', async () => {
    const byHeader = await fetch(`${api.baseUrl}/users/self`, { headers: { 'x-api-key': TEST_API_KEY } })
    const byBearer = await fetch(`${api.baseUrl}/users/self`, { headers: { authorization: `Bearer ${TEST_API_KEY}` } })
    expect(byHeader.status).toBe(200)
    expect(byBearer.status).toBe(200)
    expect(await byBearer.json()).toEqual(await byHeader.json())
  })
})

describe('routing', () => {
  test.each(['/invoices/', '/', '/tasks/a/b', '/users/self/salary', '/taskTypesX'])(
    '%s is a 404 in the error shape',
    async (path) => {
      const response = await api.request(path)
      expect(response.status).toBe(404)
      expect(await response.json()).toEqual({ message: 'Not found', errors: [{ message: 'Not found' }] })
    },
  )

  test('outside /v2 the standalone server answers 404 too', async () => {
    const response = await fetch(`${api.origin}/tasks/`)
    expect(response.status).toBe(404)
    expect(await response.json()).toEqual({ message: 'Not found', errors: [{ message: 'Not found' }] })
  })

  test.each(['POST', 'PUT', 'PATCH', 'DELETE'])('%s is a 405 naming the method, with Allow', async (method) => {
    const response = await api.request('/tasks/', { method, body: method === 'DELETE' ? undefined : '{}' })
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe('GET, HEAD')
    expect(((await response.json()) as { message: string }).message).toContain(method)
  })

  test('HEAD answers the headers of GET without a body', async () => {
    const response = await api.request('/tasks/?limit=3', { method: 'HEAD' })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^application\/json/)
    expect(Number(response.headers.get('content-length'))).toBeGreaterThan(100)
    expect(await response.text()).toBe('')
  })
})

describe('total count', () => {
  test('only when asked: X-Total-Count with the number of matches', async () => {
    const plain = await api.request('/tasks/?limit=5')
    expect(plain.headers.get('x-total-count')).toBeNull()
    const asked = await api.request('/tasks/?limit=5', { headers: { 'x-demo-total': '1' } })
    expect(asked.headers.get('x-total-count')).toBe('300')
    const filtered = await api.request('/tasks/?limit=5&taskStatus=completed', { headers: { 'x-demo-total': '1' } })
    const completed = (await api.getJson<DemoTask[]>('/tasks/?limit=1000')).filter(
      (task) => task.taskStatus === 'completed',
    )
    expect(filtered.headers.get('x-total-count')).toBe(String(completed.length))
  })

  test('on every task list when configured', async () => {
    const counting = await startTestApi({ taskCount: 40, totalCount: true })
    try {
      const response = await counting.request('/tasks/?limit=5')
      expect(response.headers.get('x-total-count')).toBe('40')
    } finally {
      await counting.close()
    }
  })
})

describe('avatars', () => {
  test('a user picture URL serves a generated SVG, the same each time, cacheable', async () => {
    const users = await api.getJson<DemoUser[]>('/users/?limit=25')
    const pictured = users.filter((user) => user.general.profileImage?.startsWith('/demo-avatars/'))
    expect(pictured.length).toBeGreaterThan(15)
    const [first, second] = await Promise.all(
      pictured.slice(0, 2).map((user) => fetch(`${api.origin}${user.general.profileImage!}`)),
    )
    expect(first!.status).toBe(200)
    expect(first!.headers.get('content-type')).toBe('image/svg+xml')
    expect(first!.headers.get('cache-control')).toBe('public, max-age=86400')
    const svg = await first!.text()
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]*>.*<circle.*<\/svg>$/)
    expect(svg).not.toMatch(/<text/)
    expect(await second!.text()).not.toBe(svg)
    expect(await (await fetch(`${api.origin}${pictured[0]!.general.profileImage!}`)).text()).toBe(svg)
  })

  test('unknown users and other files are a 404', async () => {
    for (const path of [`/demo-avatars/${'0'.repeat(24)}.svg`, '/demo-avatars/x.png', '/demo-avatars/']) {
      expect((await fetch(`${api.origin}${path}`)).status, path).toBe(404)
    }
  })

  test('handleExtras leaves other paths to the caller', async () => {
    const demo = createDemoApi({ apiKey: 'k', taskCount: 1, latencyMs: 0, faultsEnabled: true, now: TEST_NOW })
    const server = createServer((req, res) => {
      if (!demo.handleExtras(req, res, req.url ?? '/')) {
        res.writeHead(418)
        res.end('caller')
      }
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    try {
      expect((await fetch(`${origin}/tasks`)).status).toBe(418)
      expect((await fetch(`${origin}/__demo/faults`, { method: 'DELETE' })).status).toBe(204)
      expect((await fetch(`${origin}/demo-avatars/nobody.svg`)).status).toBe(404)
    } finally {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    }
  })
})

describe('latency', () => {
  test('holds API answers back, but not avatars; closing the server drops the waiting ones', async () => {
    const slow = await startTestApi({ taskCount: 5, latencyMs: 10_000 })
    try {
      const error = await slow
        .request('/users/self', { signal: AbortSignal.timeout(200) })
        .catch((reason: unknown) => reason)
      expect(error).toBeInstanceOf(DOMException)
      expect((error as DOMException).name).toBe('TimeoutError')
      // Same seed, same users: the prompt server tells which avatar to ask the slow one for.
      const self = await api.getJson<DemoUser>('/users/self')
      const avatar = await fetch(`${slow.origin}${self.general.profileImage!}`, { signal: AbortSignal.timeout(5000) })
      expect(avatar.status).toBe(200)
    } finally {
      await slow.close()
    }
  })

  test('a short latency still answers', async () => {
    const slowish = await startTestApi({ taskCount: 5, latencyMs: 150 })
    try {
      expect(await slowish.getJson<DemoTask[]>('/tasks/')).toHaveLength(5)
    } finally {
      await slowish.close()
    }
  })
})

describe('readDemoApiConfig', () => {
  test('defaults', () => {
    expect(readDemoApiConfig({})).toEqual({
      apiKey: DEFAULT_DEMO_API_KEY,
      taskCount: 5000,
      latencyMs: 0,
      faultsEnabled: false,
      totalCount: false,
      seed: expect.any(Number) as number,
    })
    expect(DEFAULT_DEMO_API_KEY).toBe('demo-key:demo-secret')
  })

  test('reads every variable', () => {
    expect(
      readDemoApiConfig({
        DEMO_API_KEY: ' abc:def ',
        DEMO_TASKS: '100000',
        DEMO_LATENCY_MS: '250',
        DEMO_FAULTS: '1',
        DEMO_TOTAL_COUNT: '1',
        DEMO_SEED: '42',
      }),
    ).toEqual({
      apiKey: 'abc:def',
      taskCount: 100_000,
      latencyMs: 250,
      faultsEnabled: true,
      totalCount: true,
      seed: 42,
    })
    expect(readDemoApiConfig({ DEMO_FAULTS: '0', DEMO_TASKS: '', DEMO_API_KEY: '' })).toMatchObject({
      faultsEnabled: false,
      taskCount: 5000,
      apiKey: DEFAULT_DEMO_API_KEY,
    })
  })

  test.each([
    [{ DEMO_TASKS: '100001' }, 'DEMO_TASKS'],
    [{ DEMO_TASKS: 'many' }, 'DEMO_TASKS'],
    [{ DEMO_TASKS: '-5' }, 'DEMO_TASKS'],
    [{ DEMO_TASKS: '2.5' }, 'DEMO_TASKS'],
    [{ DEMO_LATENCY_MS: 'slow' }, 'DEMO_LATENCY_MS'],
    [{ DEMO_LATENCY_MS: '60001' }, 'DEMO_LATENCY_MS'],
    [{ DEMO_FAULTS: 'yes' }, 'DEMO_FAULTS'],
    [{ DEMO_TOTAL_COUNT: 'true' }, 'DEMO_TOTAL_COUNT'],
    [{ DEMO_API_KEY: 'has space' }, 'DEMO_API_KEY'],
    [{ DEMO_SEED: 'x' }, 'DEMO_SEED'],
  ])('%o is refused with an error naming %s', (env, name) => {
    expect(() => readDemoApiConfig(env)).toThrow(new RegExp(`^Invalid demo API environment:\n.*${name}`, 's'))
  })

  test('every bad variable is named at once', () => {
    expect(() => readDemoApiConfig({ DEMO_TASKS: 'x', DEMO_FAULTS: 'on' })).toThrow(/DEMO_TASKS.*\n.*DEMO_FAULTS/s)
  })
})
