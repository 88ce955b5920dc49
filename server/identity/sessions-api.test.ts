import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { rawRequest, startHostileUpstream, type HostileUpstream } from '../testing/hostile-upstream.ts'
import { cookieFrom, DEMO_KEY, OTHER_COMPANY_KEY, startApp, type RunningApp } from '../testing/start-app.ts'

const MINUTE = 60_000
let time = Date.parse('2026-03-02T07:00:00Z')

async function signIn(app: RunningApp, apiKey: string): Promise<string> {
  const answer = await app.call('POST', '/app/session', { body: { apiKey } })
  expect(answer.status).toBe(201)
  return cookieFrom(answer, 'tb_session')!
}

describe('personal-key mode', () => {
  let app: RunningApp
  beforeAll(async () => {
    app = await startApp({
      mode: 'personal-key',
      env: { SESSION_IDLE_MINUTES: '30', SESSION_MAX_HOURS: '2' },
      now: () => time,
    })
  })
  afterAll(() => app.stop())

  test('nobody is signed in at first; views need a session', async () => {
    expect((await app.call('GET', '/app/session')).json).toEqual({
      mode: 'personal-key',
      signedIn: false,
      user: null,
      writes: [],
    })
    expect((await app.call('GET', '/app/views')).status).toBe(401)
    expect((await app.call('GET', '/api/users/self')).status).toBe(401)
  })

  test('a good key signs in: an httpOnly, SameSite=Strict cookie that never holds the key', async () => {
    const answer = await app.call('POST', '/app/session', { body: { apiKey: ` ${DEMO_KEY} ` } })
    expect(answer.status).toBe(201)
    expect(answer.json).toMatchObject({ signedIn: true, user: { name: 'Sabine Krüger' } })
    const line = answer.headers['set-cookie']![0]!
    expect(line).toMatch(/^tb_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=7200$/)
    expect(line).not.toContain('demo-secret')
    const cookie = cookieFrom(answer, 'tb_session')!
    expect((await app.call('GET', '/app/session', { cookie })).json).toMatchObject({ signedIn: true })
    // The proxy sends the session's key upstream; the browser never holds it.
    expect((await app.call('GET', '/api/users/self', { cookie })).status).toBe(200)
  })

  test('a bad key is refused with 401 and no cookie; a malformed one with 400', async () => {
    const answer = await app.call('POST', '/app/session', { body: { apiKey: 'demo-key:wrong' } })
    expect(answer.status).toBe(401)
    expect(answer.json.message).toBe('The tasks API did not accept this key.')
    expect(answer.headers['set-cookie']).toBeUndefined()
    expect((await app.call('POST', '/app/session', { body: { apiKey: 'has spaces in it' } })).status).toBe(400)
    expect(
      (
        await app.call('POST', '/app/session', {
          body: { apiKey: DEMO_KEY },
          headers: { origin: 'http://evil.example' },
        })
      ).status,
    ).toBe(403)
  })

  test('a request’s own x-API-Key is still forwarded (command-line clients)', async () => {
    expect((await app.call('GET', '/api/tasks/?limit=1', { headers: { 'x-api-key': DEMO_KEY } })).status).toBe(200)
    expect((await app.call('GET', '/api/tasks/?limit=1', { headers: { 'x-api-key': 'wrong:key' } })).status).toBe(401)
  })

  test('a short link opened signed out gets the board’s page (which asks for the key); signed in, the redirect', async () => {
    const cookie = await signIn(app, DEMO_KEY)
    const view = await app.call('POST', '/app/views', { cookie, body: { name: 'Short while out', query: 'tab=open' } })
    const signedOut = await app.call('GET', `/v/${view.json.id as string}`)
    expect(signedOut.status).toBe(200)
    expect(signedOut.text).toBe('spa')
    const signedIn = await app.call('GET', `/v/${view.json.id as string}`, { cookie })
    expect(signedIn.status).toBe(302)
    expect(signedIn.headers.location).toBe('/tasks?tab=open')
  })

  test('sign out ends the session for good', async () => {
    const cookie = await signIn(app, DEMO_KEY)
    const out = await app.call('DELETE', '/app/session', { cookie, body: {} })
    expect(out.status).toBe(204)
    expect(out.headers['set-cookie']![0]).toMatch(/^tb_session=; .*Max-Age=0/)
    expect((await app.call('GET', '/app/views', { cookie })).status).toBe(401)
    expect((await app.call('GET', '/api/users/self', { cookie })).status).toBe(401)
  })

  test('a session ends after 30 idle minutes, and after 2 hours however busy', async () => {
    const idle = await signIn(app, DEMO_KEY)
    time += 29 * MINUTE
    expect((await app.call('GET', '/app/views', { cookie: idle })).status).toBe(200)
    time += 29 * MINUTE
    expect((await app.call('GET', '/app/views', { cookie: idle })).status).toBe(200)
    time += 31 * MINUTE
    expect((await app.call('GET', '/app/views', { cookie: idle })).status).toBe(401)

    const busy = await signIn(app, DEMO_KEY)
    for (let step = 0; step < 4; step++) {
      time += 25 * MINUTE
      expect((await app.call('GET', '/app/views', { cookie: busy })).status).toBe(200)
    }
    time += 25 * MINUTE
    expect((await app.call('GET', '/app/session', { cookie: busy })).json).toMatchObject({ signedIn: false })
  })

  test('another company’s views are invisible, even by id and short link', async () => {
    const mine = await signIn(app, DEMO_KEY)
    const theirs = await signIn(app, OTHER_COMPANY_KEY)
    const team = await app.call('POST', '/app/views', {
      cookie: mine,
      body: { name: 'Our team queue', query: 'tab=open', scope: 'team' },
    })
    expect(team.status).toBe(201)
    const id = team.json.id as string
    expect(((await app.call('GET', '/app/views', { cookie: theirs })).json.views as unknown[]).length).toBe(0)
    expect((await app.call('GET', `/app/views/${id}`, { cookie: theirs })).status).toBe(404)
    // Another company's view is as unknown as a missing one: the board's page says it was not found.
    const theirLink = await app.call('GET', `/v/${id}`, { cookie: theirs })
    expect(theirLink.status).toBe(200)
    expect(theirLink.headers.location).toBeUndefined()
    expect(
      (await app.call('PATCH', `/app/views/${id}`, { cookie: theirs, body: { version: 1, name: 'x', unlock: true } }))
        .status,
    ).toBe(404)
    expect(
      (await app.call('DELETE', `/app/views/${id}`, { cookie: theirs, body: { version: 1, unlock: true } })).status,
    ).toBe(404)
    // The same name is free in their company.
    expect(
      (
        await app.call('POST', '/app/views', {
          cookie: theirs,
          body: { name: 'Our team queue', query: '', scope: 'team' },
        })
      ).status,
    ).toBe(201)
    expect((await app.call('GET', `/v/${id}`, { cookie: mine })).status).toBe(302)
  })
})

describe('shared-key mode', () => {
  let app: RunningApp
  beforeAll(async () => {
    app = await startApp({
      mode: 'shared-key',
      env: { TRUSTED_USER_HEADER: 'X-Forwarded-Email', TRUSTED_PROXIES: '127.0.0.1' },
    })
  })
  afterAll(() => app.stop())

  test('a trusted proxy’s header names the person; personal views are theirs', async () => {
    const anna = { 'x-forwarded-email': 'anna@example.com' }
    const ben = { 'x-forwarded-email': 'ben@example.com' }
    expect((await app.call('GET', '/app/session', { headers: anna })).json).toMatchObject({
      mode: 'shared-key',
      user: { name: 'anna@example.com' },
    })
    await app.call('POST', '/app/views', { headers: anna, body: { name: 'Anna only', query: '' } })
    await app.call('POST', '/app/views', { headers: anna, body: { name: 'For all', query: '', scope: 'team' } })
    const names = ((await app.call('GET', '/app/views', { headers: ben })).json.views as { name: string }[]).map(
      (v) => v.name,
    )
    expect(names).toEqual(['For all'])
    expect((await app.call('POST', '/app/session', { body: { apiKey: DEMO_KEY } })).status).toBe(409)
  })

  test('a colleague reads a shared view’s history from where it was shared, never its personal drafts', async () => {
    const anna = { 'x-forwarded-email': 'anna@example.com' }
    const ben = { 'x-forwarded-email': 'ben@example.com' }
    const created = await app.call('POST', '/app/views', {
      headers: anna,
      body: { name: 'Draft: Meyer complaints', query: 'q=Meyer' },
    })
    const id = created.json.id as string
    await app.call('PATCH', `/app/views/${id}`, { headers: anna, body: { version: 1, name: 'Complaints' } })
    await app.call('PATCH', `/app/views/${id}`, { headers: anna, body: { version: 2, scope: 'team' } })
    const history = async (headers: Record<string, string>) =>
      (await app.call('GET', `/app/views/${id}/history`, { headers })).json.versions as { version: number }[]
    expect(await history(ben)).toEqual([])
    expect((await history(anna)).map((v) => v.version)).toEqual([2, 1])
    const restore = await app.call('POST', `/app/views/${id}/history/1/restore`, {
      headers: ben,
      body: { version: 3, unlock: true },
    })
    expect(restore.status).toBe(404)
    expect(JSON.stringify(restore.json)).not.toContain('Draft')
  })

  test('over https a browser id from before keeps its views under the `__Host-` name', async () => {
    const first = await app.call('GET', '/app/session')
    const browser = cookieFrom(first, 'tb_browser')!
    const id = (first.json.user as { id: string }).id
    const https = { 'x-forwarded-proto': 'https' }
    const moved = await app.call('GET', '/app/session', { cookie: browser, headers: https })
    expect((moved.json.user as { id: string }).id).toBe(id)
    expect(moved.headers['set-cookie']).toEqual([
      expect.stringMatching(/^__Host-tb_browser=[\w-]+; Path=\/; HttpOnly; SameSite=Strict; Max-Age=\d+; Secure$/),
      expect.stringMatching(/^tb_browser=; .*Max-Age=0/),
    ])
    const prefixed = `__Host-${browser}`
    const after = await app.call('GET', '/app/session', { cookie: prefixed, headers: https })
    expect((after.json.user as { id: string }).id).toBe(id)
    expect(after.headers['set-cookie']).toBeUndefined()
  })

  test('without the header each browser gets an id cookie for its personal views', async () => {
    const first = await app.call('GET', '/app/session')
    const browser = cookieFrom(first, 'tb_browser')!
    expect(first.headers['set-cookie']![0]).toMatch(/HttpOnly; SameSite=Strict/)
    await app.call('POST', '/app/views', { cookie: browser, body: { name: 'This browser', query: '' } })
    const own = (await app.call('GET', '/app/views', { cookie: browser })).json.views as { name: string }[]
    expect(own.map((v) => v.name)).toContain('This browser')
    // Nothing a colleague can read (a team view's creator, say) gives them the cookie.
    expect(JSON.stringify(own)).not.toContain(browser.split('=')[1])
    const other = await app.call('GET', '/app/views')
    expect((other.json.views as { name: string }[]).map((v) => v.name)).not.toContain('This browser')
  })
})

describe('shared-key mode behind an untrusted address', () => {
  let app: RunningApp
  beforeAll(async () => {
    app = await startApp({
      mode: 'shared-key',
      env: { TRUSTED_USER_HEADER: 'X-Forwarded-Email', TRUSTED_PROXIES: '10.0.0.9', VIEW_WRITES_PER_MINUTE: '3' },
    })
  })
  afterAll(() => app.stop())

  test('writes are limited per address too: a client that leaves out its browser cookie is not a new person each time', async () => {
    const save = async (index: number, cookie?: string) => {
      const answer = await app.call('POST', '/app/views', { cookie, body: { name: `Flood ${index}`, query: '' } })
      return [answer.status, answer.headers['retry-after']]
    }
    // Three writes a minute per browser, five browsers' worth per address. One browser over its own limit spends
    // nothing of the address's: its three writes count there, its refused ones do not.
    const noisy = cookieFrom(await app.call('GET', '/app/session'), 'tb_browser')!
    const noisyAnswers = []
    for (let index = 0; index < 10; index += 1) noisyAnswers.push((await save(100 + index, noisy))[0])
    expect(noisyAnswers).toEqual([201, 201, 201, 429, 429, 429, 429, 429, 429, 429])
    // Every request without the cookie is a browser of its own, and the address still holds them to the rest.
    for (let index = 0; index < 12; index += 1) expect(await save(index)).toEqual([201, undefined])
    const [status, retryAfter] = await save(12)
    expect(status).toBe(429)
    expect(Number(retryAfter)).toBeGreaterThan(0)
  })

  test('the header is ignored when not sent by a trusted proxy', async () => {
    const answer = await app.call('GET', '/app/session', { headers: { 'x-forwarded-email': 'boss@example.com' } })
    expect((answer.json.user as { id: string }).id).toMatch(/^browser:/)
  })

  test('the header sent twice names nobody, never one person made of both', async () => {
    // Two header lines, as a proxy that passes the client's own on beside its own would send them.
    const twice = ['boss@example.com', 'anna@example.com'] as unknown as string
    const answer = await rawRequest(app.url, '/app/session', {
      headers: { host: '127.0.0.1', 'x-forwarded-email': twice },
    })
    const { user } = JSON.parse(answer.text) as { user: { id: string; name: string } }
    expect(user.id).toMatch(/^browser:/)
    expect(user.name).not.toContain('boss@example.com')
  })
})

describe('personal-key mode, a key revoked upstream', () => {
  let upstream: HostileUpstream
  let app: RunningApp
  let revoked = false
  beforeAll(async () => {
    upstream = await startHostileUpstream()
    upstream.respond((url, res) => {
      res.writeHead(revoked ? 401 : 200, { 'content-type': 'application/json' })
      if (revoked) res.end('{"message":"Invalid API key"}')
      else if (url.startsWith('/v2/users/self')) res.end('{"_id":"u7","companyId":"c7","general":{"firstName":"Ada"}}')
      else res.end('[]')
    })
    app = await startApp({
      mode: 'personal-key',
      upstream: `${upstream.origin}/v2`,
      env: { TRUSTED_PROXIES: '127.0.0.1' },
    })
  })
  afterAll(async () => {
    await app.stop()
    await upstream.close()
  })

  test('sign-in attempts are counted per browser behind a trusted proxy, not for all of them at once', async () => {
    const attempt = (from: string) =>
      app.call('POST', '/app/session', { body: { apiKey: 'has spaces' }, headers: { 'x-forwarded-for': from } })
    for (let index = 0; index < 10; index += 1) expect((await attempt('203.0.113.7')).status).toBe(400)
    expect((await attempt('203.0.113.7')).status).toBe(429)
    // A colleague behind the same proxy is not locked out by the guesser.
    expect((await attempt('198.51.100.9')).status).toBe(400)
  })

  test('over https the session cookie is `__Host-` named, and a cookie sent twice names nobody', async () => {
    const https = { 'x-forwarded-proto': 'https' }
    const answer = await app.call('POST', '/app/session', {
      body: { apiKey: 'ada-id:ada-secret-0001' },
      headers: { ...https, origin: app.url.replace('http:', 'https:') },
    })
    expect(answer.headers['set-cookie']![0]).toMatch(
      /^__Host-tb_session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=\d+; Secure$/,
    )
    const token = cookieFrom(answer, '__Host-tb_session')!.split('=')[1]!
    const signedIn = async (cookie: string, headers: Record<string, string> = {}) =>
      (await app.call('GET', '/app/session', { cookie, headers })).json.signedIn as boolean
    expect(await signedIn(`__Host-tb_session=${token}`, https)).toBe(true)
    // Over https only the prefixed name counts: a sibling subdomain can set the bare one, never the prefixed one.
    expect(await signedIn(`tb_session=${token}`, https)).toBe(false)
    // Over http, a planted cookie beside the real one (another Path or Domain) makes both unbelieved, in either order.
    const plain = cookieFrom(
      await app.call('POST', '/app/session', { body: { apiKey: 'ada-id:ada-secret-0001' } }),
      'tb_session',
    )!
    expect(await signedIn(plain)).toBe(true)
    expect(await signedIn(`tb_session=planted-session-00001; ${plain}`)).toBe(false)
    expect(await signedIn(`${plain}; tb_session=planted-session-00001`)).toBe(false)
  })

  test('ends the session at the first 401: its views, figures and reads stop, with no figure served from cache', async () => {
    const cookie = await signIn(app, 'ada-id:ada-secret-0001')
    const counts = '/app/counts?set=taskStatus%3Dopen'
    expect((await app.call('GET', counts, { cookie })).status).toBe(200)
    expect((await app.call('GET', '/app/views', { cookie })).status).toBe(200)
    revoked = true
    expect((await app.call('GET', '/api/tasks/?limit=1', { cookie })).status).toBe(401)
    expect((await app.call('GET', '/app/session', { cookie })).json).toMatchObject({ signedIn: false })
    expect((await app.call('GET', '/app/views', { cookie })).status).toBe(401)
    // The count taken a moment ago is not served to the ended session.
    const seen = upstream.seen.length
    expect((await app.call('GET', counts, { cookie })).status).toBe(401)
    expect(upstream.seen).toHaveLength(seen)
  })
})
