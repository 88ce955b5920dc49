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

test('a made-up key costs one upstream request, not a count; no key costs none; an address may have ten refused a minute', async () => {
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
  // A key the upstream accepts is counted with; asked for three times at once, it is shown to the upstream once.
  const good = await Promise.all([1, 2, 3].map(() => counts('good-id:good-secret-0123')))
  expect(good.map((answer) => answer.status)).toEqual([200, 200, 200])
  expect(upstream.seen.filter(({ url }) => url === '/v2/users/self')).toHaveLength(1)
  upstream.seen.length = 0
  // Ten made-up keys: each is shown to the upstream once, and refused.
  for (let attempt = 0; attempt < 10; attempt += 1)
    expect((await counts(`made-up-${attempt}:secret-${attempt}`)).status).toBe(401)
  expect(upstream.seen.map(({ url }) => url)).toEqual(Array(10).fill('/v2/users/self'))
  // The same one again costs nothing: the upstream's answer is kept.
  expect((await counts('made-up-0:secret-0')).status).toBe(401)
  expect(upstream.seen).toHaveLength(10)
  // Ten refused this minute: the next new key from this address is not even shown to the upstream.
  const before = upstream.seen.length
  const limited = await counts('made-up-10:secret-10')
  expect(limited.status).toBe(429)
  expect(limited.headers['retry-after']).toBe('60')
  expect(upstream.seen).toHaveLength(before)
  // The key the upstream took keeps counting.
  expect((await counts('good-id:good-secret-0123')).status).toBe(200)
  expect(upstream.seen.filter(({ url }) => url === '/v2/users/self')).toHaveLength(10)
  // The workload holds to the same rule.
  expect((await rawRequest(personal.url, '/app/workload?tz=UTC', { headers: { host: '127.0.0.1' } })).status).toBe(401)
  expect(upstream.seen).toHaveLength(before)
})

test('keys refused through the proxy or the figures: ten a minute per address, one table for both', async () => {
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
      res.end(good ? '{"_id":"u1","companyId":"c1","general":{"firstName":"Ada"}}' : '{"message":"Invalid API key"}')
    })
    upstream.seen.length = 0
    const call = (path: string, key: string, from = '203.0.113.7') =>
      rawRequest(guessing.url, path, { headers: { host: '127.0.0.1', 'x-api-key': key, 'x-forwarded-for': from } })
    const self = (key: string, from?: string) => call('/api/users/self', key, from)
    const counts = (key: string) => call('/app/counts?set=taskStatus%3Dopen', key)
    // A script's own good key, used before the guessing starts: a key the upstream takes costs the address nothing.
    expect((await self('good-id:good-secret-0123')).status).toBe(200)
    for (let guess = 0; guess < 9; guess += 1) expect((await self(`guess-${guess}:secret-${guess}`)).status).toBe(401)
    // A key the proxy saw refused is refused by the figures at once, without asking again.
    expect((await counts('guess-0:secret-0')).status).toBe(401)
    expect(upstream.seen).toHaveLength(10)
    // The tenth refusal, through the figures' one look-up.
    expect((await counts('guess-9:secret-9')).status).toBe(401)
    expect(upstream.seen).toHaveLength(11)
    // From here on a key the upstream has not taken lately goes nowhere, through either.
    const held = await self('guess-10:secret-10')
    expect(held.status).toBe(429)
    expect(held.headers['retry-after']).toBe('60')
    expect((await counts('guess-11:secret-11')).status).toBe(429)
    expect(upstream.seen).toHaveLength(11)
    // A key the upstream accepted still goes, and so do keys from another browser behind the same proxy.
    expect((await self('good-id:good-secret-0123')).status).toBe(200)
    expect((await self('other:key-from-elsewhere', '198.51.100.9')).status).toBe(401)
    expect(upstream.seen).toHaveLength(13)
  } finally {
    await guessing.stop()
  }
})
