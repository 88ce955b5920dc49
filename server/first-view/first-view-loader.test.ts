import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { dehydrate, QueryClient } from '@tanstack/react-query'
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest'
import { createPicturePolicy } from '../proxy/picture-policy.ts'
import { createStaticHandler } from '../static-files.ts'
import { rawRequest, startHostileUpstream, type HostileUpstream } from '../testing/hostile-upstream.ts'
import { answersIn, handoverIn, standInRenderer } from '../testing/stand-in-renderer.ts'
import { startApp, type RunningApp } from '../testing/start-app.ts'
import { createUpstreamClient } from '../upstream/upstream-client.ts'
import type { FirstScreenRenderer, FirstScreenRequest } from '../../src/shared/first-screen-contract.ts'
import { DISPLAY_COOKIE, formatDisplayCookie } from '../../src/shared/display-cookie.ts'
import { createFirstView } from './first-view-loader.ts'
import { toFirstViewRequest } from './first-view-request.ts'

const SERVER_KEY = 'server-id:server-secret'
const WAIT_MS = 300
const INDEX =
  '<!doctype html><html lang="en"><head><script type="module" src="/assets/app.js"></script></head><body><div id="root"></div></body></html>'
const TASK = {
  _id: '0123456789abcdef01234567',
  title: 'Boiler service',
  taskStatus: 'open',
  status: { status: 1, createdAt: 1773829800000, createdBy: 'u1', lastModifiedAt: 1773829800000, lastModifiedBy: 'u1' },
}

const SELF = { _id: 'fedcba9876543210fedcba98', general: { firstName: 'Ada', lastName: 'Berg', profileImage: null } }

const TASK_TYPE = { _id: '89abcdef0123456789abcdef', name: 'Repair', prefix: 'REP', color: '#e8590c', svg: '<svg/>' }

/** A client of the stand-in API, as the app server makes one. */
function upstreamClient() {
  return createUpstreamClient({
    baseUrl: `${upstream.origin}/v2`,
    timeoutMs: 5000,
    maxBodyBytes: 1_000_000,
    maxConcurrent: 4,
    maxQueued: 10,
  })
}

let root: string
let upstream: HostileUpstream
let app: RunningApp
/** What the page's request reads with; each test says. */
let keyOf: () => Promise<string | undefined>
/** Whether whoever asks has a default view; each test may say. */
let hasDefaultView: () => Promise<boolean>
/** The first screen's renderer as each test stands it in (the real one is the board's own build: see src/app/). */
let renderFirstScreen: FirstScreenRenderer['renderFirstScreen']
let renderCalls: FirstScreenRequest[]
const standIn = standInRenderer()

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'first-view-'))
  writeFileSync(join(root, 'index.html'), INDEX)
  upstream = await startHostileUpstream()
  const firstView = createFirstView({
    upstream: upstreamClient(),
    hasDefaultView: () => hasDefaultView(),
    isAllowedPicture: createPicturePolicy([]),
    waitMs: WAIT_MS,
    renderer: {
      renderFirstScreen: (request) => {
        renderCalls.push(request)
        return renderFirstScreen(request)
      },
      pageAttributes: standIn.pageAttributes,
    },
    defaultTimeZone: 'Europe/Berlin',
  })
  app = await startApp({
    mode: 'shared-key',
    upstream: `${upstream.origin}/v2`,
    serverKey: SERVER_KEY,
    store: false,
    // The key as each test says, in the request's one context.
    contextFor: () => ({
      upstreamKey: () => keyOf(),
      browserKey: undefined,
      serverKeyed: true,
      clientAddress: '127.0.0.1',
      identity: () => Promise.reject(new Error('The first view asks only for the key')),
      keyRefused: () => Promise.resolve(),
      keyAccepted: () => {},
      keyMayGo: () => true,
      checkKey: () => Promise.resolve('accepted'),
    }),
    frontend: () => createStaticHandler(root, { firstView }),
  })
})

afterAll(async () => {
  await app.stop()
  await upstream.close()
  rmSync(root, { recursive: true, force: true })
})

beforeEach(() => {
  upstream.seen.length = 0
  keyOf = () => Promise.resolve(SERVER_KEY)
  hasDefaultView = () => Promise.resolve(false)
  renderFirstScreen = standIn.renderFirstScreen
  renderCalls = []
  upstream.respond((url, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'x-total-count': '1' })
    res.end(JSON.stringify(url.startsWith('/v2/taskTypes/') ? [TASK_TYPE] : [TASK]))
  })
})

function page(path: string, headers: Record<string, string> = {}) {
  return rawRequest(app.url, path, { headers: { host: '127.0.0.1', ...headers } })
}

test('a board page carries the answer to the request the board makes for it, with the key it reads with', async () => {
  const answer = await page('/tasks?tab=open&size=25')
  const request = toFirstViewRequest('/tasks', 'tab=open&size=25')!
  // The task types beside it, which make the first screen's identifiers whole.
  expect(upstream.seen.map(({ url }) => url).sort()).toEqual([`/v2/taskTypes/?limit=1000`, `/v2/tasks/?${request}`])
  expect(upstream.seen.map(({ headers }) => headers['x-api-key'])).toEqual([SERVER_KEY, SERVER_KEY])
  // Cut down to the fields the board shows, as the proxy passes them; the renderer's state is what the island holds.
  const taskTypes = [{ _id: TASK_TYPE._id, name: 'Repair', prefix: 'REP', color: '#e8590c' }]
  expect(answersIn(answer.text)).toEqual({ request, totalCount: '1', body: [TASK], taskTypes, self: null })
  // The page is otherwise the built page, the island just before `</body>`.
  expect(answer.text.startsWith(INDEX.slice(0, INDEX.indexOf('</body>')))).toBe(true)
  expect(answer.text.endsWith('</script></body></html>')).toBe(true)
})

test('with a default view, a page with no board parameter hands nothing over: the board opens that view instead', async () => {
  hasDefaultView = () => Promise.resolve(true)
  for (const path of ['/tasks', '/', '/tasks?utm_source=mail']) {
    expect(handoverIn((await page(path)).text), path).toBeNull()
  }
  expect(upstream.seen).toEqual([])
  // A link with board parameters always wins, and gets its rows.
  expect(handoverIn((await page('/tasks?tab=open')).text)).not.toBeNull()
  // A store that cannot say within the wait holds nothing up: the page goes out, without rows.
  hasDefaultView = () => new Promise(() => {})
  upstream.seen.length = 0
  const started = Date.now()
  const answer = await page('/tasks')
  expect(answer.status).toBe(200)
  expect(handoverIn(answer.text)).toBeNull()
  expect(Date.now() - started).toBeLessThan(WAIT_MS + 2000)
  expect(upstream.seen).toEqual([])
})

test('a page that carries data is kept by no cache', async () => {
  const answer = await page('/tasks')
  expect(handoverIn(answer.text)).not.toBeNull()
  expect(answer.headers['cache-control']).toBe('no-store')
  expect((await page('/workload')).headers['cache-control']).toBe('no-cache')
})

test('only the fields the board shows are handed over, as the proxy passes them', async () => {
  upstream.respond((_url, res) => {
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end(
      JSON.stringify([
        {
          ...TASK,
          companyId: 'c1',
          internalNotes: 'salary review',
          assignee: {
            entityId: 'u2',
            name: 'Anna Berg',
            profilePicture: 'https://tracker.example/p.png',
            email: 'a@b.c',
          },
        },
      ]),
    )
  })
  const answers = answersIn((await page('/tasks')).text)
  expect(answers?.totalCount).toBeNull()
  expect(answers?.body).toEqual([{ ...TASK, assignee: { entityId: 'u2', name: 'Anna Berg', profilePicture: null } }])
})

test('hostile text stays inside the island', async () => {
  const title = '</script><script>alert(1)</script><!-- \u2028'
  upstream.respond((_url, res) => res.end(JSON.stringify([{ ...TASK, title }])))
  const html = (await page('/tasks')).text
  expect(html.match(/<\/script>/g)).toHaveLength(2)
  expect(html).not.toContain('<!--')
  expect(answersIn(html)?.body).toEqual([{ ...TASK, title }])
})

test('pages the board asks about itself carry nothing, and nothing is asked upstream', async () => {
  for (const path of ['/workload', '/elsewhere']) {
    const answer = await page(path)
    expect(handoverIn(answer.text), path).toBeNull()
  }
  expect(upstream.seen).toEqual([])
})

test('a view naming “me” is asked for once the API has said whose the key is, and the user goes over too', async () => {
  upstream.respond((url, res) => {
    res.writeHead(200, { 'content-type': 'application/json' })
    if (url.startsWith('/v2/users/self')) res.end(JSON.stringify({ ...SELF, email: 'ada@example.com' }))
    else res.end(JSON.stringify(url.startsWith('/v2/taskTypes/') ? [] : [TASK]))
  })
  const answers = answersIn((await page('/tasks?assignee=me&size=25')).text)
  const request = toFirstViewRequest('/tasks', 'assignee=me&size=25', SELF._id)!
  expect(answers?.request).toBe(request)
  // Cut down as the proxy passes it: no e-mail address.
  expect(answers?.self).toEqual(SELF)
  expect(upstream.seen.map(({ url }) => url)).toContain(`/v2/tasks/?${request}`)
  // Without an answer naming someone, there is no view to ask for.
  upstream.seen.length = 0
  upstream.respond((url, res) => {
    res.writeHead(url.startsWith('/v2/users/self') ? 500 : 200, { 'content-type': 'application/json' })
    res.end(JSON.stringify(url.startsWith('/v2/users/self') ? { message: 'down' } : []))
  })
  expect(handoverIn((await page('/tasks?assignee=me&size=25')).text)).toBeNull()
  expect(upstream.seen.map(({ url }) => url).filter((url) => url.startsWith('/v2/tasks/'))).toEqual([])
})

test('nothing without a key (nobody signed in), nor when the key cannot be looked up', async () => {
  keyOf = () => Promise.resolve(undefined)
  expect(handoverIn((await page('/tasks')).text)).toBeNull()
  keyOf = () => Promise.reject(new Error('The store is unavailable'))
  const answer = await page('/tasks')
  expect(answer.status).toBe(200)
  expect(handoverIn(answer.text)).toBeNull()
  expect(upstream.seen).toEqual([])
})

test('a refused or failed answer is not handed over: the board asks itself and meets it', async () => {
  for (const [status, body] of [
    [401, '{"message":"Invalid API key server-id:server-secret"}'],
    [500, '{"message":"down"}'],
    [200, '{"data":[]}'],
    [200, 'not json'],
  ] as const) {
    upstream.respond((_url, res) => {
      res.writeHead(status, { 'content-type': 'application/json' })
      res.end(body)
    })
    const answer = await page('/tasks')
    expect(answer.status, body).toBe(200)
    expect(answer.text, body).toContain('<div id="root"></div>')
    expect(handoverIn(answer.text), body).toBeNull()
    expect(answer.text, body).not.toContain('server-secret')
  }
})

test('a 429 is handed over with its wait, so the board waits as asked instead of asking again at once', async () => {
  upstream.respond((_url, res) => {
    res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '2' })
    res.end('{"message":"Too many requests"}')
  })
  const answer = await page('/tasks?size=25')
  expect(handoverIn(answer.text)).toEqual({ rateLimited: { retryAfterMs: 2000 } })
  expect(renderCalls).toEqual([])
})

test('a slow answer is not waited for beyond the bound, and the head goes out at once', async () => {
  upstream.respond((_url, res) => setTimeout(() => res.end(JSON.stringify([TASK])), 3000))
  const started = performance.now()
  const answer = await page('/tasks')
  const took = performance.now() - started
  expect(handoverIn(answer.text)).toBeNull()
  expect(took).toBeGreaterThanOrEqual(WAIT_MS - 20)
  expect(took).toBeLessThan(2000)
})

test('a page loaded as anything but a document (a fetch, a frame of another kind) carries nothing', async () => {
  expect(handoverIn((await page('/tasks', { 'sec-fetch-dest': 'empty' })).text)).toBeNull()
  expect(handoverIn((await page('/tasks', { 'sec-fetch-dest': 'document' })).text)).not.toBeNull()
})

test('gzip: the same page, compressed', async () => {
  // fetch decodes the body itself, so a body it reads is well-formed gzip.
  const response = await fetch(`${app.url}/tasks`, { headers: { 'accept-encoding': 'gzip' } })
  expect(response.headers.get('content-encoding')).toBe('gzip')
  expect(answersIn(await response.text())?.body).toEqual([TASK])
})

test('the first screen goes inside the root, the board’s queries and what the render assumed into the island', async () => {
  const screen = {
    locale: 'de',
    timeZone: 'Asia/Tokyo',
    now: 1,
    stored: { theme: 'dark' },
    windowWidth: 'phone' as const,
    frameHeight: 640,
    formatting: 'Jan 2, 2026, 3:04 PM',
  }
  const cache = new QueryClient()
  cache.setQueryData(['taskTypes', 'list'], [])
  const state = dehydrate(cache)
  renderFirstScreen = () => Promise.resolve({ state, rendered: { markup: '<main>rendered rows</main>', screen } })
  const display = {
    stored: { theme: 'dark', locale: 'de' },
    timeZone: 'Asia/Tokyo',
    windowWidth: 'phone' as const,
    windowHeight: 640,
  }
  const answer = await page('/tasks?tab=open&size=25', {
    cookie: `other=1; ${DISPLAY_COOKIE}=${formatDisplayCookie(display)}`,
    'accept-language': 'fr',
  })
  const request = toFirstViewRequest('/tasks', 'tab=open&size=25')!
  expect(answer.text).toContain('<html lang="de"><head>')
  expect(answer.text).toContain('<div id="root"><main>rendered rows</main></div><script type="application/json"')
  expect(handoverIn(answer.text)).toEqual(JSON.parse(JSON.stringify({ state, screen })))
  // The renderer reads the very answers of the page, for this browser.
  expect(renderCalls).toEqual([
    {
      pathname: '/tasks',
      search: '?tab=open&size=25',
      answers: {
        request,
        totalCount: '1',
        body: [TASK],
        // Cut down to the fields the board shows, as the proxy passes them.
        taskTypes: [{ _id: TASK_TYPE._id, name: 'Repair', prefix: 'REP', color: '#e8590c' }],
        self: null,
      },
      display,
      acceptLanguage: 'fr',
      mobile: false,
      defaultTimeZone: 'Europe/Berlin',
    },
  ])
})

test('a browser that says it is a phone is rendered for as one on its first visit', async () => {
  renderCalls.length = 0
  await page('/tasks?size=25', { 'sec-ch-ua-mobile': '?1' })
  await page('/tasks?size=25', { 'sec-ch-ua-mobile': '?0' })
  expect(renderCalls.map((call) => call.mobile)).toEqual([true, false])
})

test('a render that could not be made costs the markup, not the answers; one that fails or declines, both', async () => {
  const answer = await page('/tasks?size=25')
  expect(answer.text).toContain('<div id="root"></div><script type="application/json"')
  expect(handoverIn(answer.text)?.screen).toBeUndefined()
  expect(answersIn(answer.text)?.body).toEqual([TASK])
  for (const render of [() => Promise.reject(new Error('render bug')), () => Promise.resolve(null)]) {
    renderFirstScreen = render
    const bare = await page('/tasks?size=25')
    expect(bare.text).toContain('<div id="root"></div></body>')
    expect(handoverIn(bare.text)).toBeNull()
  }
})

test('the page says the browser’s language on <html> before its first view is asked for', async () => {
  const answer = await page('/tasks?size=25', { 'accept-language': 'de-DE' })
  expect(answer.text.startsWith('<!doctype html><html lang="de"><head>')).toBe(true)
})
