import { afterAll, beforeAll, expect, test } from 'vitest'
import { rawRequest, startHostileUpstream, type HostileUpstream } from '../testing/hostile-upstream.ts'
import { startApp, type InProcessApp } from '../testing/start-app.ts'

const SERVER_KEY = 'server-id:server-secret-0123'

let upstream: HostileUpstream
let app: InProcessApp
/** Without a server key: each person's own key (without a store, only the one a client sends). */
let personal: InProcessApp

beforeAll(async () => {
  upstream = await startHostileUpstream()
  app = await startApp({ mode: 'shared-key', upstream: `${upstream.origin}/v2`, serverKey: SERVER_KEY, store: false })
  personal = await startApp({ mode: 'personal-key', upstream: `${upstream.origin}/v2`, store: false })
})
afterAll(async () => {
  await app.stop()
  await personal.stop()
  await upstream.close()
})

test('an upstream refusal that echoes the key, or carries a stack, reaches no client of the figures', async () => {
  const echoes = [
    `Invalid API key ${SERVER_KEY} for company 42`,
    `Key server-secret-0123 revoked; bearer eyJhbGciOi.payload.sig rejected`,
    'TypeError: cannot read x\n    at handler (/srv/api/tasks.js:12:5)\n    at next (/srv/api/router.js:3:1)',
  ]
  for (const [index, message] of echoes.entries()) {
    upstream.respond((_url, res) => {
      res.writeHead(400, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ message, errors: [{ message: SERVER_KEY }] }))
    })
    // A filter set of its own each time, so no cached figure answers instead.
    const search = `taskByTitleIdentifier%3Dprobe-${index}`
    for (const path of [`/app/counts?set=${search}`, `/app/workload?tz=UTC&${decodeURIComponent(search)}`]) {
      const answer = await rawRequest(app.url, path, { headers: { host: '127.0.0.1' } })
      expect(answer.status, path).toBeGreaterThanOrEqual(400)
      expect(answer.text, path).not.toContain('server-secret')
      expect(answer.text, path).not.toContain('server-id')
      expect(answer.text, path).not.toContain('eyJhbGciOi')
      expect(answer.text, path).not.toMatch(/\n\s+at |tasks\.js/)
      expect(JSON.parse(answer.text), path).toHaveProperty('message')
    }
  }
})

test('a made-up key costs one upstream request, not a count; no key costs none; an address may try ten a minute', async () => {
  const USER = { _id: 'u1', companyId: 'c1', general: { firstName: 'Ada', lastName: 'Berg' } }
  upstream.respond((url, res) => {
    const good = upstream.seen.at(-1)?.headers['x-api-key'] === 'good-id:good-secret-0123'
    res.writeHead(good ? 200 : 401, { 'content-type': 'application/json', 'x-total-count': '7' })
    res.end(JSON.stringify(good ? (url.startsWith('/v2/users/self') ? USER : []) : { message: 'Invalid API key' }))
  })
  upstream.seen.length = 0
  const counts = (key?: string) =>
    rawRequest(personal.url, '/app/counts?set=taskStatus%3Dopen&set=taskStatus%3Dnew&set=', {
      headers: { host: '127.0.0.1', ...(key ? { 'x-api-key': key } : {}) },
    })
  for (let attempt = 0; attempt < 3; attempt += 1) expect((await counts()).status).toBe(401)
  expect(upstream.seen).toEqual([])
  // Ten made-up keys: each is shown to the upstream once, and refused.
  for (let attempt = 0; attempt < 9; attempt += 1)
    expect((await counts(`made-up-${attempt}:secret-${attempt}`)).status).toBe(401)
  expect(upstream.seen.map(({ url }) => url)).toEqual(Array(9).fill('/v2/users/self'))
  // The same one again costs nothing: the upstream's answer is kept.
  expect((await counts('made-up-0:secret-0')).status).toBe(401)
  expect(upstream.seen).toHaveLength(9)
  // A key the upstream accepts is counted with (the tenth check from this address).
  expect((await counts('good-id:good-secret-0123')).status).toBe(200)
  const checks = upstream.seen.filter(({ url }) => url === '/v2/users/self').length
  expect(checks).toBe(10)
  // The eleventh key from this address within the minute is not even shown to the upstream.
  const before = upstream.seen.length
  const limited = await counts('made-up-10:secret-10')
  expect(limited.status).toBe(429)
  expect(limited.headers['retry-after']).toBe('60')
  expect(upstream.seen).toHaveLength(before)
  // The workload holds to the same rule.
  expect((await rawRequest(personal.url, '/app/workload?tz=UTC', { headers: { host: '127.0.0.1' } })).status).toBe(401)
  expect(upstream.seen).toHaveLength(before)
})

test('keys tried through the proxy or the figures: ten a minute per address that the upstream has not accepted, one table for both', async () => {
  const guessing = await startApp({
    mode: 'personal-key',
    upstream: `${upstream.origin}/v2`,
    store: false,
    env: { TRUSTED_PROXIES: '127.0.0.1' },
  })
  try {
    upstream.respond((_url, res) => {
      const good = upstream.seen.at(-1)?.headers['x-api-key'] === 'good-id:good-secret-0123'
      res.writeHead(good ? 200 : 401, { 'content-type': 'application/json' })
      res.end(good ? '{"_id":"u1","general":{"firstName":"Ada"}}' : '{"message":"Invalid API key"}')
    })
    upstream.seen.length = 0
    const call = (path: string, key: string, from = '203.0.113.7') =>
      rawRequest(guessing.url, path, { headers: { host: '127.0.0.1', 'x-api-key': key, 'x-forwarded-for': from } })
    const self = (key: string, from?: string) => call('/api/users/self', key, from)
    // A script's own good key, used before the guessing starts: its first use is one of the address's trials.
    expect((await self('good-id:good-secret-0123')).status).toBe(200)
    for (let guess = 0; guess < 8; guess += 1) expect((await self(`guess-${guess}:secret-${guess}`)).status).toBe(401)
    // A key the proxy saw refused is refused by the figures at once, without asking again.
    expect((await call('/app/counts?set=taskStatus%3Dopen', 'guess-0:secret-0')).status).toBe(401)
    expect(upstream.seen).toHaveLength(9)
    // The tenth trial, through the figures: one look-up.
    expect((await call('/app/counts?set=taskStatus%3Dopen', 'guess-8:secret-8')).status).toBe(401)
    expect(upstream.seen).toHaveLength(10)
    const held = await self('guess-9:secret-9')
    expect(held.status).toBe(429)
    expect(held.headers['retry-after']).toBe('60')
    expect(upstream.seen).toHaveLength(10)
    // A key the upstream accepted still goes, and so do keys from another browser behind the same proxy.
    expect((await self('good-id:good-secret-0123')).status).toBe(200)
    expect((await self('other:key-from-elsewhere', '198.51.100.9')).status).toBe(401)
    expect(upstream.seen).toHaveLength(12)
  } finally {
    await guessing.stop()
  }
})
