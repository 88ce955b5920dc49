import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { asUpstreamError } from './upstream-error.ts'
import { createUpstreamGet } from './upstream-get.ts'

let server: Server
let baseUrl: string
const seen: { url: string; key: string | undefined }[] = []

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', key: req.headers['x-api-key'] as string | undefined })
    if (req.url?.startsWith('/v2/slow')) return // never answers
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
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2`
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise<void>((resolve) => server.close(() => resolve()))
})

test('sends the path, parameters and key, and answers status, Retry-After and JSON', async () => {
  const get = createUpstreamGet({ baseUrl, timeoutMs: 2000 })
  const answer = await get('/tasks/', new URLSearchParams('limit=1&offset=3'), 'id:secret')
  expect(answer).toEqual({ status: 429, headers: { retryAfter: '7' }, json: { message: 'Slow down' } })
  expect(seen.at(-1)).toEqual({ url: '/v2/tasks/?limit=1&offset=3', key: 'id:secret' })
})

test('a body that is not JSON is json null', async () => {
  const get = createUpstreamGet({ baseUrl, timeoutMs: 2000 })
  expect(await get('/html', new URLSearchParams(), undefined)).toMatchObject({ status: 502, json: null })
  expect(seen.at(-1)?.key).toBeUndefined()
})

test('a body over the cap rejects', async () => {
  const get = createUpstreamGet({ baseUrl, timeoutMs: 2000, maxBodyBytes: 1000 })
  await expect(get('/big', new URLSearchParams(), undefined)).rejects.toThrow('more than 1000 bytes')
  expect((await createUpstreamGet({ baseUrl, timeoutMs: 2000 })('/big', new URLSearchParams(), undefined)).status).toBe(
    200,
  )
})

test('no answer in time rejects, read as a timeout', async () => {
  const get = createUpstreamGet({ baseUrl, timeoutMs: 200 })
  const failure = await get('/slow', new URLSearchParams(), undefined).catch(asUpstreamError)
  expect(failure).toMatchObject({ status: null, message: 'The tasks API did not answer in time.' })
})
