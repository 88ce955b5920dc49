import { afterAll, beforeAll, expect, test } from 'vitest'
import { startTestApi, TEST_API_KEY, type TestApi } from '../testing/test-api.ts'
import { startApp, type InProcessApp } from '../testing/start-app.ts'

const TABS = [
  'taskStatus=new,open,in_progress,in_review',
  'taskStatus=new',
  'taskStatus=open',
  'taskStatus=in_progress',
  'taskStatus=in_review',
  'taskStatus=completed',
  'taskStatus=cancelled',
  '',
]

let api: TestApi
let withKey: InProcessApp
let browserKey: InProcessApp

beforeAll(async () => {
  api = await startTestApi({ taskCount: 3000 })
  const figures = { upstream: api.baseUrl, store: false, env: { COUNT_BUDGET_PER_MINUTE: '1000' } }
  withKey = await startApp({ mode: 'shared-key', serverKey: TEST_API_KEY, ...figures })
  // Without a store nobody signs in: the figures use the key the browser sends, as the proxy does.
  browserKey = await startApp({ mode: 'personal-key', ...figures })
})
afterAll(async () => {
  await withKey.stop()
  await browserKey.stop()
  await api.close()
})

function countsUrl(origin: string, sets: readonly string[]): string {
  const search = new URLSearchParams()
  for (const set of sets) search.append('set', set)
  return `${origin}/app/counts?${search.toString()}`
}

test('answers an exact count per tab, in order, equal to the demo data’s totals', async () => {
  const response = await fetch(countsUrl(withKey.url, TABS))
  expect(response.status).toBe(200)
  expect(response.headers.get('cache-control')).toBe('no-store')
  expect(response.headers.get('content-type')).toMatch(/^application\/json/)
  const { counts } = (await response.json()) as { counts: { state: string; count: number; asOf: number }[] }
  const expected = await Promise.all(TABS.map(async (tab) => (await api.listTasks(`${tab}&limit=1`)).total))
  expect(counts.map((count) => count.count)).toEqual(expected)
  expect(counts.every((count) => count.state === 'exact' && Math.abs(count.asOf - Date.now()) < 60_000)).toBe(true)
})

test('a second browser soon after costs no upstream request', async () => {
  const sets = ['priority=urgent', 'priority=urgent&taskStatus=open']
  await fetch(countsUrl(withKey.url, sets))
  const before = withKey.upstreamRequests()
  // Same filters in another order and spelling: one canonical filter set.
  const again = await fetch(countsUrl(withKey.url, ['priority=urgent', 'taskStatus=open&priority=urgent,urgent']))
  expect(again.status).toBe(200)
  expect(withKey.upstreamRequests()).toBe(before)
})

test.each([
  [['taskStatus=open&limit=5'], 'set 1: limit is not a filter; the server sets it'],
  [['sort={"by":"title","direction":1}'], 'set 1: sort is not a filter; the server sets it'],
  [['', 'colour=red'], 'set 2: colour is not a filter of /tasks/'],
  [['userIds=bob'], 'set 1: userIds must be a comma-separated list of ObjectIds or unassigned_jobs; got "bob"'],
  [['priority=high&priority=low'], 'set 1: priority may be given once; send a list as one comma-separated value'],
  [[], 'set: give at least one filter set, e.g. set=taskStatus%3Dopen'],
])('refuses %j with 400 in the API’s error shape', async (sets, message) => {
  const before = withKey.upstreamRequests()
  const response = await fetch(countsUrl(withKey.url, sets))
  expect(response.status).toBe(400)
  expect(await response.json()).toEqual({ message, errors: [{ message }] })
  expect(withKey.upstreamRequests()).toBe(before)
})

test('refuses parameters beside set, other methods and cross-site requests', async () => {
  const extra = await fetch(`${withKey.url}/app/counts?set=&taskStatus=open`)
  expect(extra.status).toBe(400)
  expect(((await extra.json()) as { message: string }).message).toBe('taskStatus is not a parameter of counts')
  const post = await fetch(`${withKey.url}/app/counts?set=`, { method: 'POST' })
  expect(post.status).toBe(405)
  expect(post.headers.get('allow')).toBe('GET')
  const crossSite = await fetch(`${withKey.url}/app/counts?set=`, { headers: { 'sec-fetch-site': 'cross-site' } })
  expect(crossSite.status).toBe(403)
})

test('without a server key the browser’s key is used, and a refused key is the refusal', async () => {
  const without = await fetch(countsUrl(browserKey.url, ['taskStatus=open']))
  expect(without.status).toBe(401)
  expect(((await without.json()) as { message: string }).message).toMatch(/^Sign in, or send an API key/)
  const withBrowserKey = await fetch(countsUrl(browserKey.url, ['taskStatus=open']), {
    headers: { 'x-API-Key': TEST_API_KEY },
  })
  expect(withBrowserKey.status).toBe(200)
  const { counts } = (await withBrowserKey.json()) as { counts: { count: number }[] }
  expect(counts[0]?.count).toBe((await api.listTasks('taskStatus=open&limit=1')).total)
})

test('with a server key the browser’s key is not used', async () => {
  const response = await fetch(countsUrl(withKey.url, ['taskStatus=cancelled']), {
    headers: { 'x-API-Key': 'wrong:key' },
  })
  expect(response.status).toBe(200)
})
