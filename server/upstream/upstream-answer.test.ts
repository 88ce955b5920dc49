import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { createUpstreamClient, listOf } from './upstream-client.ts'
import { asUpstreamError, failureResponse, refusalOf } from './upstream-error.ts'

let server: Server
let baseUrl: string
const seen: { url: string; key: string | undefined; method?: string; body: string }[] = []

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk: Buffer) => (body += chunk.toString()))
    req.on('end', () => answer(req, res, body))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2`
})

function answer(req: IncomingMessage, res: ServerResponse, body: string): void {
  seen.push({ url: req.url ?? '', key: req.headers['x-api-key'] as string | undefined, method: req.method, body })
  if (req.url?.startsWith('/v2/slow')) return // never answers
  if (req.url?.startsWith('/v2/object')) {
    res.end('{}')
    return
  }
  if (req.url?.startsWith('/v2/big')) {
    res.end(JSON.stringify(['x'.repeat(5000)]))
    return
  }
  if (req.url?.startsWith('/v2/html')) {
    res.writeHead(502, { 'content-type': 'text/html' })
    res.end('<h1>Bad gateway</h1>')
    return
  }
  res.writeHead(429, { 'retry-after': '7', 'content-type': 'application/json' })
  res.end(JSON.stringify({ message: 'Slow down' }))
}

afterAll(async () => {
  server.closeAllConnections()
  await new Promise<void>((resolve) => server.close(() => resolve()))
})

test('sends the path, query, key and a JSON body, and answers status, headers and JSON', async () => {
  const upstream = createUpstreamClient({ baseUrl, timeoutMs: 2000 })
  const answer = await upstream({ path: '/tasks/', query: new URLSearchParams('limit=1&offset=3'), key: 'id:secret' })
  expect(answer.status).toBe(429)
  expect(answer.headers.get('retry-after')).toBe('7')
  expect(answer.json()).toEqual({ message: 'Slow down' })
  expect(seen.at(-1)).toEqual({ url: '/v2/tasks/?limit=1&offset=3', key: 'id:secret', method: 'GET', body: '' })
  await upstream({ method: 'PATCH', path: '/tasks/t1?x=1', query: new URLSearchParams('y=2'), json: { title: 'A' } })
  expect(seen.at(-1)).toEqual({ url: '/v2/tasks/t1?x=1&y=2', key: undefined, method: 'PATCH', body: '{"title":"A"}' })
})

test('a body that is not JSON reads as null', async () => {
  const upstream = createUpstreamClient({ baseUrl, timeoutMs: 2000 })
  const answer = await upstream({ path: '/html' })
  expect(answer.status).toBe(502)
  expect(answer.json()).toBeNull()
  expect(seen.at(-1)?.key).toBeUndefined()
})

test('an error status is a refusal with the upstream’s message and its wait; a list that is none is unreadable', async () => {
  const upstream = createUpstreamClient({ baseUrl, timeoutMs: 2000 })
  const now = Date.UTC(2026, 0, 1)
  expect(refusalOf(await upstream({ path: '/tasks/' }), { now })).toMatchObject({
    kind: 'refused',
    status: 429,
    retryAfterMs: 7000,
    message: 'Slow down',
  })
  const html = await upstream({ path: '/html' })
  expect(() => listOf(html, undefined)).toThrow('answered with status 502.')
  const object = await upstream({ path: '/object' })
  expect(() => listOf(object, undefined)).toThrow(expect.objectContaining({ kind: 'unreadable' }))
})

test('a body over the cap rejects as too large', async () => {
  const upstream = createUpstreamClient({ baseUrl, timeoutMs: 2000, maxBodyBytes: 1000 })
  await expect(upstream({ path: '/big' })).rejects.toMatchObject({
    kind: 'too-large',
    message: 'The tasks API sent an answer too large to pass on.',
  })
  expect((await createUpstreamClient({ baseUrl, timeoutMs: 2000 })({ path: '/big' })).status).toBe(200)
})

test('no answer in time rejects as a timeout, worded with the limit and answered 504', async () => {
  const upstream = createUpstreamClient({ baseUrl, timeoutMs: 200 })
  const failure = await upstream({ path: '/slow' }).then(() => null, asUpstreamError)
  expect(failure).toMatchObject({
    kind: 'timeout',
    status: null,
    message: 'The tasks API did not answer within 0.2 seconds.',
  })
  expect(failure && failureResponse(failure).status).toBe(504)
})
