import { afterAll, afterEach, beforeAll, expect, test } from 'vitest'
import type { DemoTask } from './entities.ts'
import { startTestApi, type TestApi } from '../testing/test-api.ts'

let api: TestApi

beforeAll(async () => {
  api = await startTestApi({ taskCount: 200 })
})

afterEach(async () => {
  await fetch(`${api.origin}/__demo/faults`, { method: 'DELETE' })
})

afterAll(async () => {
  await api.close()
})

async function inject(fault: unknown): Promise<Response> {
  return fetch(`${api.origin}/__demo/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof fault === 'string' ? fault : JSON.stringify(fault),
  })
}

async function injectOk(fault: Record<string, unknown>): Promise<void> {
  const response = await inject(fault)
  expect(response.status, await response.clone().text()).toBe(204)
}

const normalPage = () => api.getJson<DemoTask[]>('/tasks/?limit=10')

test('a status answers in the error shape with the given message and Retry-After', async () => {
  await injectOk({ path: '/tasks/', status: 503, message: 'Maintenance until 06:00' })
  const response = await api.request('/tasks/?limit=5')
  expect(response.status).toBe(503)
  expect(response.headers.get('content-type')).toMatch(/^application\/json/)
  expect(await response.json()).toEqual({
    message: 'Maintenance until 06:00',
    errors: [{ message: 'Maintenance until 06:00' }],
  })
  expect((await api.request('/tasks/?limit=5')).status).toBe(200)

  await injectOk({ status: 429, retryAfter: '7' })
  const limited = await api.request('/tasks/')
  expect(limited.status).toBe(429)
  expect(limited.headers.get('retry-after')).toBe('7')
  expect(((await limited.json()) as { message: string }).message).toBe('Too Many Requests')

  const date = 'Wed, 21 Oct 2026 07:28:00 GMT'
  await injectOk({ status: 429, retryAfter: date })
  expect((await api.request('/users/')).headers.get('retry-after')).toBe(date)
})

test('a fault with nothing else to say is a 500', async () => {
  await injectOk({})
  expect((await api.request('/tasks/')).status).toBe(500)
})

test('count says how many requests fail; path says which', async () => {
  await injectOk({ path: '/users/self', status: 500, count: 2 })
  expect((await api.request('/tasks/')).status).toBe(200)
  expect((await api.request('/users/')).status).toBe(200)
  expect((await api.request('/users/self')).status).toBe(500)
  expect((await api.request('/users/self')).status).toBe(500)
  expect((await api.request('/users/self')).status).toBe(200)
})

test('query names the parameters a request must carry: other requests to the path pass', async () => {
  await injectOk({ path: '/tasks/', query: { limit: '25', offset: '0' }, status: 503 })
  expect((await api.request('/tasks/?limit=1&offset=0')).status).toBe(200)
  expect((await api.request('/tasks/?limit=25&offset=25')).status).toBe(200)
  expect((await api.request('/tasks/?offset=0&taskStatus=open&limit=25')).status).toBe(503)
  expect((await api.request('/tasks/?limit=25&offset=0')).status).toBe(200)
})

test('a path prefix covers the list, the list without slash, and single items', async () => {
  const [task] = await api.getJson<DemoTask[]>('/tasks/?limit=1')
  await injectOk({ path: '/tasks/', status: 502, count: 2 })
  expect((await api.request('/tasks')).status).toBe(502)
  expect((await api.request(`/tasks/${task!._id}`)).status).toBe(502)
})

test('requests without the key get their 401 and leave the fault queued', async () => {
  await injectOk({ status: 503 })
  expect((await api.request('/tasks/', { headers: { 'x-API-Key': 'wrong' } })).status).toBe(401)
  expect((await api.request('/tasks/')).status).toBe(503)
})

test('malformed: a 200 whose body is not JSON', async () => {
  await injectOk({ path: '/tasks/', body: 'malformed' })
  const response = await api.request('/tasks/')
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toMatch(/^application\/json/)
  const text = await response.text()
  expect(() => JSON.parse(text) as unknown).toThrow(SyntaxError)
})

test('html: a proxy error page, 502 unless a status is given', async () => {
  await injectOk({ body: 'html' })
  const response = await api.request('/tasks/')
  expect(response.status).toBe(502)
  expect(response.headers.get('content-type')).toMatch(/^text\/html/)
  expect(await response.text()).toBe('<html><body><h1>502 Bad Gateway</h1></body></html>')
  await injectOk({ body: 'html', status: 504 })
  const gateway = await api.request('/tasks/')
  expect(gateway.status).toBe(504)
  expect(await gateway.text()).toContain('<h1>504 Gateway Timeout</h1>')
})

test('non-array: a 200 with an object where the list belongs', async () => {
  await injectOk({ body: 'non-array' })
  const response = await api.request('/tasks/')
  expect(response.status).toBe(200)
  expect(await response.json()).toEqual({ data: [] })
})

test('corruptRows breaks the first rows, and only those', async () => {
  const normal = await normalPage()
  await injectOk({ corruptRows: 2 })
  const rows = await api.getJson<Record<string, unknown>[]>('/tasks/?limit=10')
  expect(rows).toHaveLength(10)
  for (const row of rows.slice(0, 2)) {
    expect(row).not.toHaveProperty('_id')
    expect(typeof row.status).toBe('string')
  }
  expect(rows.slice(2)).toEqual(normal.slice(2))
  // The data itself is untouched.
  expect(await normalPage()).toEqual(normal)
})

test('duplicateRows repeats the first rows at the end of the page', async () => {
  const normal = await normalPage()
  await injectOk({ duplicateRows: 3 })
  const rows = await api.getJson<DemoTask[]>('/tasks/?limit=10')
  expect(rows.map((row) => row._id)).toEqual([...normal, ...normal.slice(0, 3)].map((row) => row._id))
})

test('both together: broken rows first, then intact rows repeated', async () => {
  const normal = await normalPage()
  await injectOk({ path: '/tasks/', corruptRows: 2, duplicateRows: 3 })
  const rows = await api.getJson<Record<string, unknown>[]>('/tasks/?limit=10')
  expect(rows).toHaveLength(13)
  expect(rows.filter((row) => !('_id' in row))).toHaveLength(2)
  expect(rows.slice(10)).toEqual(normal.slice(2, 5))
})

test('mistypeRows gives the rows after the broken ones values of the wrong kind, keeping id and dates', async () => {
  const normal = await normalPage()
  await injectOk({ corruptRows: 1, mistypeRows: 2 })
  const rows = await api.getJson<Record<string, unknown>[]>('/tasks/?limit=10')
  expect(rows).toHaveLength(10)
  for (const [index, row] of rows.slice(1, 3).entries()) {
    const before = normal[index + 1]!
    expect(row).toMatchObject({ _id: before._id, status: before.status, dueDate: before.dueDate, taskStatus: 42 })
    expect(typeof row.title).toBe('number')
    expect(typeof row.assignee).toBe('string')
  }
  expect(rows.slice(3)).toEqual(normal.slice(3))
  expect(await normalPage()).toEqual(normal)
})

test('corruptRows also breaks a single task', async () => {
  const [task] = await api.getJson<DemoTask[]>('/tasks/?limit=1')
  await injectOk({ corruptRows: 1 })
  const broken = await api.getJson<Record<string, unknown>>(`/tasks/${task!._id}`)
  expect(broken).not.toHaveProperty('_id')
  expect(broken.title).toBe(task!.title)
})

test('delayMs answers normally, after a later request has been answered', async () => {
  await injectOk({ delayMs: 400 })
  const finished: string[] = []
  const delayed = api.getJson<DemoTask[]>('/tasks/?limit=3').then((rows) => {
    finished.push('delayed')
    return rows
  })
  await new Promise((resolve) => setTimeout(resolve, 20))
  await api.getJson<DemoTask[]>('/users/?limit=1').then(() => finished.push('prompt'))
  expect((await delayed).map((row) => row._id)).toEqual((await normalPage()).slice(0, 3).map((row) => row._id))
  expect(finished).toEqual(['prompt', 'delayed'])
})

test('hang never answers; the client gives up and the next request is fine', async () => {
  await injectOk({ body: 'hang' })
  const error = await api.request('/tasks/', { signal: AbortSignal.timeout(300) }).catch((reason: unknown) => reason)
  expect(error).toBeInstanceOf(DOMException)
  expect((error as DOMException).name).toBe('TimeoutError')
  expect((await api.request('/tasks/?limit=1')).status).toBe(200)
})

test('DELETE clears every queued fault', async () => {
  await injectOk({ status: 500, count: 5 })
  const cleared = await fetch(`${api.origin}/__demo/faults`, { method: 'DELETE' })
  expect(cleared.status).toBe(204)
  expect((await api.request('/tasks/')).status).toBe(200)
})

test.each([
  ['not JSON', '{status: 500'],
  ['a status that is no HTTP status', { status: 42 }],
  ['a status that is text', { status: '500' }],
  ['an unknown body kind', { body: 'broken' }],
  ['an unknown key', { statu: 500 }],
  ['a count of 0', { count: 0 }],
  ['a path without a leading slash', { path: 'tasks/' }],
  ['a Retry-After that is neither seconds nor a date', { status: 429, retryAfter: 'soon' }],
  ['negative delay', { delayMs: -1 }],
])('an invalid fault is a 400: %s', async (_, fault) => {
  const response = await inject(fault)
  expect(response.status).toBe(400)
  const body = (await response.json()) as { message: string; errors: unknown[] }
  expect(body.message.length).toBeGreaterThan(0)
  expect(body.errors.length).toBeGreaterThan(0)
  expect((await api.request('/tasks/')).status).toBe(200)
})

test('other methods on the fault endpoint are a 405', async () => {
  const response = await fetch(`${api.origin}/__demo/faults`)
  expect(response.status).toBe(405)
  expect(response.headers.get('allow')).toBe('POST, DELETE')
})

test('without faults enabled, the fault endpoint does not exist', async () => {
  const plain = await startTestApi({ taskCount: 5, faultsEnabled: false })
  try {
    const response = await fetch(`${plain.origin}/__demo/faults`, { method: 'POST', body: '{"status":500}' })
    expect(response.status).toBe(404)
    expect((await plain.request('/tasks/')).status).toBe(200)
  } finally {
    await plain.close()
  }
})
