import { afterAll, beforeAll, expect, test } from 'vitest'
import { parseTimestamp } from '../../src/shared/tasks/api/schemas.ts'
import { startApp, type InProcessApp } from '../testing/start-app.ts'

interface RawTask {
  _id: string
  priority: string | null
  status: { createdAt: unknown; lastModifiedAt: unknown }
}

let app: InProcessApp
beforeAll(async () => {
  app = await startApp({
    demo: { taskCount: 300 },
    env: { COUNT_BUDGET_PER_MINUTE: '1000', TASK_WRITES_PER_MINUTE: '1000' },
  })
})
afterAll(() => app.stop())

const NEWEST_FIRST = encodeURIComponent(JSON.stringify({ by: 'status.lastModifiedAt', direction: -1 }))

/** The set's tasks, newest change first, as the API holds them. */
async function newest(set: string): Promise<RawTask[]> {
  return JSON.parse((await app.call('GET', `/api/tasks/?${set}&limit=1000&sort=${NEWEST_FIRST}`)).text) as RawTask[]
}

function changesPath(asked: [set: string, since: number][]): string {
  const search = new URLSearchParams()
  for (const [set, since] of asked) {
    search.append('set', set)
    search.append('since', new Date(since).toISOString())
  }
  return `/app/changes?${search.toString()}`
}

/** What the API's own list says changed since `since`: made since, and changed otherwise. */
function expected(tasks: RawTask[], since: number) {
  const after = tasks.filter((task) => (parseTimestamp(task.status.lastModifiedAt) ?? -Infinity) > since)
  const made = after.filter((task) => (parseTimestamp(task.status.createdAt) ?? -Infinity) > since).length
  return { new: made, changed: after.length - made }
}

test('says what changed in a set since each moment, from one read of its newest changes', async () => {
  const open = await newest('taskStatus=open')
  expect(open.length).toBeGreaterThan(10)
  expect(open.length).toBeLessThan(100)
  const since = parseTimestamp(open[6]!.status.lastModifiedAt)!
  const longAgo = Date.UTC(2000, 0)
  const answer = await app.call(
    'GET',
    changesPath([
      ['taskStatus=open', since],
      ['taskStatus=open', longAgo],
    ]),
  )
  expect(answer.status).toBe(200)
  expect(answer.headers['cache-control']).toBe('no-store')
  const [recent, all] = answer.json.changes as Record<string, unknown>[]
  expect(recent).toMatchObject({ state: 'known', ...expected(open, since), more: false })
  expect((recent!.new as number) + (recent!.changed as number)).toBeGreaterThan(0)
  // The whole set changed since long ago, and it was read whole.
  expect(all).toMatchObject({ state: 'known', ...expected(open, longAgo), more: false })
  expect((all!.new as number) + (all!.changed as number)).toBe(open.length)

  // Another moment of the same set, in another spelling: no upstream request.
  const before = app.upstreamRequests()
  const again = await app.call('GET', changesPath([['taskStatus=open,open', longAgo + 1]]))
  expect(again.json.changes).toEqual([all])
  expect(app.upstreamRequests()).toBe(before)
})

test('a set with more changes than one read says so', async () => {
  const answer = await app.call('GET', changesPath([['', Date.UTC(2000, 0)]]))
  const [all] = answer.json.changes as Record<string, number | boolean>[]
  expect(all).toMatchObject({ state: 'known', more: true })
  expect((all!.new as number) + (all!.changed as number)).toBe(100)
})

test('a change through the board is counted at once, on every server of the store', async () => {
  const set = 'taskStatus=completed'
  const since = Date.now()
  const asked = changesPath([[set, since]])
  expect((await app.call('GET', asked)).json.changes).toEqual([
    expect.objectContaining({ state: 'known', new: 0, changed: 0 }),
  ])
  const [task] = await newest(set)
  const to = task!.priority === 'low' ? 'high' : 'low'
  const change = await app.call('POST', `/app/tasks/${task!._id}/changes`, {
    body: { field: 'priority', from: task!.priority, to, seenModifiedAt: parseTimestamp(task!.status.lastModifiedAt) },
  })
  expect(change.json).toMatchObject({ outcome: 'applied' })
  // The feed tells the figures; within their minute they are read again.
  await expect
    .poll(async () => (await app.call('GET', asked)).json.changes, { timeout: 5_000 })
    .toEqual([expect.objectContaining({ state: 'known', new: 0, changed: 1 })])
})

test.each([
  ['no since', '/app/changes?set=taskStatus%3Dopen', /since: give one for every set/],
  ['a since without its zone', '/app/changes?set=&since=2026-12-07T14:02', /since 1: not a date and time/],
  ['a since that is no time', '/app/changes?set=&since=yesterday', /since 1: not a date and time/],
  ['a filter the API has not', '/app/changes?set=secret%3D1&since=2026-12-07T14:02Z', /set 1: /],
  ['a parameter of its own', '/app/changes?set=&since=2026-12-07T14:02Z&limit=5', /limit is not a parameter/],
])('refuses %s with 400 naming it', async (_name, path, message) => {
  const answer = await app.call('GET', path)
  expect(answer.status).toBe(400)
  expect(JSON.stringify(answer.json.errors)).toMatch(message)
})

test('refuses a cross-site request', async () => {
  const answer = await app.call('GET', changesPath([['', 0]]), { headers: { 'sec-fetch-site': 'cross-site' } })
  expect(answer.status).toBe(403)
})
