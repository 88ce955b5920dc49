import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest'
import { startTestApi, TEST_API_KEY, TEST_NOW, type TestApi } from '../testing/test-api.ts'
import { startApp, type InProcessApp, type InProcessOptions } from '../testing/start-app.ts'
import type { UpstreamClient } from '../upstream/upstream-client.ts'
import type { Workload } from './workload-service.ts'
import type { WorkloadRow } from './workload-tally.ts'

const ZONE = 'Europe/Berlin'
const DAY = 86_400_000

interface Task {
  _id: string
  taskStatus: string | null
  priority?: string
  assignee?: { entityId: string; name: string; profilePicture?: string | null } | null
  dueDate: number | string | null
}

let api: TestApi
let app: InProcessApp
let clock: number
let allTasks: Task[]

/** The app server's figures in front of the test's demo API, with its key. */
const workloadServer = (options: InProcessOptions = {}) =>
  startApp({
    mode: 'shared-key',
    upstream: api.baseUrl,
    serverKey: TEST_API_KEY,
    store: false,
    ...options,
    env: { COUNT_BUDGET_PER_MINUTE: '1000', ...options.env },
  })

beforeAll(async () => {
  api = await startTestApi({ taskCount: 3000 })
  allTasks = []
  for (let offset = 0; ; offset += 1000) {
    const rows = await api.getJson<Task[]>(`/tasks/?limit=1000&offset=${offset}`)
    if (rows.length === 0) break
    allTasks.push(...rows)
  }
})
afterAll(async () => {
  await app.stop()
  await api.close()
})
beforeEach(async () => {
  clock = TEST_NOW
  await fetch(`${api.origin}/__demo/faults`, { method: 'DELETE' })
  await app?.stop()
  app = await workloadServer({ now: () => clock })
})

/** The figures computed here, from every task, with dates read through Intl: not the server's code. */
function expectedRows(keep: (task: Task) => boolean, now: number) {
  const day = (ms: number) => new Date(ms).toLocaleDateString('sv-SE', { timeZone: ZONE })
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(
    new Date(now).toLocaleDateString('en-US', { timeZone: ZONE, weekday: 'short' }),
  )
  const week = new Set(Array.from({ length: 7 }, (_, index) => day(now + (index - weekday) * DAY)))
  const rows = new Map<string, WorkloadRow>()
  rows.set('', { assignee: null, active: 0, overdue: 0, dueToday: 0, dueThisWeek: 0 })
  const active = allTasks.filter((task) => ['new', 'open', 'in_progress', 'in_review'].includes(task.taskStatus ?? ''))
  for (const task of active.filter(keep)) {
    const id = task.assignee?.entityId ?? ''
    if (!rows.has(id)) {
      const { entityId, name, profilePicture } = task.assignee!
      rows.set(id, {
        assignee: { id: entityId, name, profilePicture: profilePicture ?? null },
        active: 0,
        overdue: 0,
        dueToday: 0,
        dueThisWeek: 0,
      })
    }
    const row = rows.get(id)!
    row.active += 1
    const due = typeof task.dueDate === 'string' ? Date.parse(task.dueDate) : task.dueDate
    if (due === null) continue
    if (due < now) row.overdue += 1
    if (day(due) === day(now)) row.dueToday += 1
    if (week.has(day(due))) row.dueThisWeek += 1
  }
  const [unassigned, ...people] = [...rows.values()] as [WorkloadRow, ...WorkloadRow[]]
  const name = (row: WorkloadRow) => row.assignee?.name ?? ''
  return [unassigned, ...people.sort((a, b) => name(a).localeCompare(name(b)))]
}

async function getWorkload(
  query: string,
  target = app,
): Promise<{ status: number; body: Workload & { message?: string } }> {
  const response = await fetch(`${target.url}/app/workload?${query}`)
  expect(response.headers.get('cache-control')).toBe('no-store')
  return { status: response.status, body: (await response.json()) as Workload & { message?: string } }
}

test('figures per assignee equal those computed from every demo task', async () => {
  const { status, body } = await getWorkload(`tz=${ZONE}`)
  expect(status).toBe(200)
  expect(body.rows).toEqual(expectedRows(() => true, TEST_NOW))
  expect(body).toMatchObject({ asOf: TEST_NOW, timeZone: ZONE, truncated: false })
  expect(body.covered).toBe(body.rows.reduce((sum, row) => sum + row.active, 0))
  expect(body.covered).toBeGreaterThan(1000)
  expect(body.rows.some((row) => row.overdue > 0 && row.dueToday > 0 && row.dueThisWeek > 0)).toBe(true)
})

test('follows the filters', async () => {
  const { body } = await getWorkload(`priority=urgent,high&tz=${ZONE}`)
  expect(body.rows).toEqual(expectedRows((task) => ['urgent', 'high'].includes(task.priority ?? ''), TEST_NOW))
  const unassigned = await getWorkload(`userIds=unassigned_jobs&tz=${ZONE}`)
  expect(unassigned.body.rows).toEqual(expectedRows((task) => !task.assignee, TEST_NOW))
  expect(unassigned.body.rows).toHaveLength(1)
})

test('a second browser within a minute costs no upstream request; after it, new figures', async () => {
  await getWorkload(`tz=${ZONE}`)
  const spent = app.upstreamRequests()
  const active = expectedRows(() => true, TEST_NOW).reduce((sum, row) => sum + row.active, 0)
  // Pages of 1,000 and the empty page that ends them.
  expect(spent).toBe(Math.ceil(active / 1000) + 1)
  clock += 59_000
  expect((await getWorkload(`tz=${ZONE}`)).body.asOf).toBe(TEST_NOW)
  expect(app.upstreamRequests()).toBe(spent)
  clock += 1000
  expect((await getWorkload(`tz=${ZONE}`)).body.asOf).toBe(clock)
  expect(app.upstreamRequests()).toBe(2 * spent)
})

test('stops at the bound and says so', async () => {
  const active = expectedRows(() => true, TEST_NOW).reduce((sum, row) => sum + row.active, 0)
  const bounded = await workloadServer({ env: { WORKLOAD_MAX_TASKS: '1000' } })
  const exact = await workloadServer({ env: { WORKLOAD_MAX_TASKS: String(active) } })
  try {
    const cut = await getWorkload(`tz=${ZONE}`, bounded)
    expect(cut.body).toMatchObject({ covered: 1000, truncated: true })
    expect(cut.body.rows.reduce((sum, row) => sum + row.active, 0)).toBe(1000)
    const whole = await getWorkload(`tz=${ZONE}`, exact)
    expect(whole.body).toMatchObject({ covered: active, truncated: false })
  } finally {
    await bounded.stop()
    await exact.stop()
  }
})

test('short and overlapping pages change nothing', async () => {
  // At most 250 rows a page, each page starting 20 rows early, as a capped API whose order shifts answers.
  const unstable =
    (client: UpstreamClient): UpstreamClient =>
    (request) => {
      const shifted = new URLSearchParams(request.query)
      shifted.set('offset', String(Math.max(0, Number(shifted.get('offset')) - 20)))
      shifted.set('limit', String(Math.min(250, Number(shifted.get('limit')))))
      return client({ ...request, query: shifted })
    }
  const capped = await workloadServer({ now: () => clock, wrapFigures: unstable })
  try {
    const { body } = await getWorkload(`tz=${ZONE}`, capped)
    expect(body.rows).toEqual(expectedRows(() => true, TEST_NOW))
    expect(capped.upstreamRequests()).toBeGreaterThan(6)
  } finally {
    await capped.stop()
  }
})

test('under 500, 429 and timeouts the last figures stay, with a notice', async () => {
  const first = (await getWorkload(`tz=${ZONE}`)).body
  clock += 60_000
  await fetch(`${api.origin}/__demo/faults`, { method: 'POST', body: JSON.stringify({ path: '/tasks/', status: 500 }) })
  const failed = (await getWorkload(`tz=${ZONE}`)).body
  expect(failed).toEqual({ ...first, stale: { reason: 'unavailable', message: 'Internal Server Error' } })

  await fetch(`${api.origin}/__demo/faults`, {
    method: 'POST',
    body: JSON.stringify({ path: '/tasks/', status: 429, retryAfter: 30 }),
  })
  const limited = (await getWorkload(`tz=${ZONE}`)).body
  expect(limited).toEqual({ ...first, stale: { reason: 'rateLimited', message: 'The tasks API asked to wait.' } })
  const spent = app.upstreamRequests()
  clock += 29_000
  expect((await getWorkload(`tz=${ZONE}`)).body.stale?.reason).toBe('rateLimited')
  expect(app.upstreamRequests()).toBe(spent)
  clock += 1000
  const fresh = (await getWorkload(`tz=${ZONE}`)).body
  expect(fresh).toEqual({ ...first, asOf: clock, rows: expectedRows(() => true, clock) })
  expect(fresh).not.toHaveProperty('stale')
})

test('a timeout keeps the last figures; with none yet, the failure is the answer', async () => {
  const slow = await workloadServer({ env: { UPSTREAM_TIMEOUT_MS: '300' }, now: () => clock })
  try {
    await fetch(`${api.origin}/__demo/faults`, {
      method: 'POST',
      body: JSON.stringify({ path: '/tasks/', body: 'hang' }),
    })
    const none = await getWorkload(`tz=${ZONE}`, slow)
    expect(none).toEqual({
      status: 504,
      body: {
        message: 'The tasks API did not answer within 0.3 seconds.',
        errors: [{ message: 'The tasks API did not answer within 0.3 seconds.' }],
      },
    })
    const first = (await getWorkload(`tz=${ZONE}`, slow)).body
    clock += 60_000
    await fetch(`${api.origin}/__demo/faults`, {
      method: 'POST',
      body: JSON.stringify({ path: '/tasks/', body: 'hang' }),
    })
    expect((await getWorkload(`tz=${ZONE}`, slow)).body).toEqual({
      ...first,
      stale: { reason: 'unavailable', message: 'The tasks API did not answer within 0.3 seconds.' },
    })
  } finally {
    await slow.stop()
  }
})

test.each([
  ['taskStatus=open', 'taskStatus is set by the server here'],
  ['tz=Mars/Olympus', 'tz must be an IANA time zone such as Europe/Berlin; got "Mars/Olympus"'],
  ['tz=UTC&limit=5', 'limit is not a filter; the server sets it'],
  ['tz=UTC&colour=red', 'colour is not a filter of /tasks/'],
])('refuses %s with 400', async (query, message) => {
  expect(await getWorkload(query)).toEqual({ status: 400, body: { message, errors: [{ message }] } })
  expect(app.upstreamRequests()).toBe(0)
})

test('time zones share one paging: six zones cost the requests of one', async () => {
  const zones = ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Tokyo', 'Australia/Sydney', 'Pacific/Auckland']
  const answers = await Promise.all(zones.map((zone) => getWorkload(`tz=${encodeURIComponent(zone)}`)))
  const active = expectedRows(() => true, TEST_NOW).reduce((sum, row) => sum + row.active, 0)
  expect(app.upstreamRequests()).toBe(Math.ceil(active / 1000) + 1)
  // Each in its own zone: the figures that depend on the day are computed per zone.
  expect(answers.map(({ body }) => body.timeZone)).toEqual(zones)
  expect(answers.find(({ body }) => body.timeZone === ZONE)!.body.rows).toEqual(expectedRows(() => true, TEST_NOW))
}, 30_000)

test('the workload spends the budget counting spends: once it is spent, neither asks upstream', async () => {
  const active = expectedRows(() => true, TEST_NOW).reduce((sum, row) => sum + row.active, 0)
  const paging = Math.ceil(active / 1000) + 1
  await app.stop()
  // Room for one paging and one count.
  app = await workloadServer({ now: () => clock, env: { COUNT_BUDGET_PER_MINUTE: String(paging + 1) } })
  expect((await getWorkload(`tz=${ZONE}`)).status).toBe(200)
  // Counting what two tabs hold would take two requests (with one budget each, three in all).
  expect((await fetch(`${app.url}/app/counts?set=taskStatus%3Dopen&set=taskStatus%3Dnew`)).status).toBe(200)
  await new Promise((resolve) => setTimeout(resolve, 500))
  expect(app.upstreamRequests()).toBe(paging + 1)
  // Another filter set within the minute: no request, and a sentence that says why.
  const refused = await getWorkload(`tz=${ZONE}&priority=urgent`)
  expect(refused.status).toBe(429)
  expect(refused.body.message).toMatch(/spent this minute/)
  expect(app.upstreamRequests()).toBe(paging + 1)
  // A minute later the budget is whole again.
  clock += 60_001
  expect((await getWorkload(`tz=${ZONE}&priority=urgent`)).status).toBe(200)
}, 30_000)
