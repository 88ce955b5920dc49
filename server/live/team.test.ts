import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import { inject } from 'vitest'
import { parseTimestamp } from '../../src/shared/tasks/api/schemas.ts'
import { createPostgresDatabase } from '../testing/test-databases.ts'
import { cookieFrom, DEMO_KEY, startApp, type InProcessApp } from '../testing/start-app.ts'
import { startTestApi, type TestApi } from '../testing/test-api.ts'
import { openEventStream, type EventStream } from '../testing/open-event-stream.ts'

/*
 * Two app servers on one PostgreSQL, in front of one tasks API, as a team
 * runs them behind its proxy: what one does, the other honours and tells.
 */

interface RawTask {
  _id: string
  priority?: string
  status: { lastModifiedAt: string }
}

let demo: TestApi
let one: InProcessApp
let two: InProcessApp
let cookie: string
const streams: EventStream[] = []

beforeAll(async () => {
  demo = await startTestApi({ apiKey: DEMO_KEY, taskCount: 60 })
  const env = {
    DATABASE_URL: await createPostgresDatabase(inject('postgresUrl')),
    SESSION_SECRET: 'team-secret-'.padEnd(40, 'x'),
    TASK_WRITES: 'priority',
  }
  one = await startApp({ mode: 'personal-key', upstream: demo.baseUrl, env })
  two = await startApp({ mode: 'personal-key', upstream: demo.baseUrl, env })
  cookie = cookieFrom(await one.call('POST', '/app/session', { body: { apiKey: DEMO_KEY } }), 'tb_session')!
}, 60_000)

afterAll(async () => {
  for (const stream of streams) stream.close()
  await one?.stop()
  await two?.stop()
  await demo?.close()
})

async function stream(app: InProcessApp, headers: Record<string, string> = {}): Promise<EventStream> {
  const opened = await openEventStream(`${app.url}/app/events`, { cookie, ...headers })
  streams.push(opened)
  return opened
}

async function firstTasks(count: number): Promise<RawTask[]> {
  const answer = await one.call('GET', `/api/tasks/?limit=${count}`, { cookie })
  expect(answer.status).toBe(200)
  return JSON.parse(answer.text) as RawTask[]
}

function raisePriority(app: InProcessApp, task: RawTask) {
  return app.call('POST', `/app/tasks/${task._id}/changes`, {
    cookie,
    body: {
      field: 'priority',
      from: task.priority ?? null,
      to: task.priority === 'urgent' ? 'low' : 'urgent',
      seenModifiedAt: parseTimestamp(task.status.lastModifiedAt),
    },
  })
}

describe('two app servers on one PostgreSQL', () => {
  test('a session begun on one is honoured by the other, and so is a view saved there', async () => {
    const session = await two.call('GET', '/app/session', { cookie })
    expect(session.json).toMatchObject({ signedIn: true })
    const saved = await one.call('POST', '/app/views', {
      cookie,
      body: { name: 'Urgent ones', query: '?tab=open&priority=urgent', scope: 'personal' },
    })
    expect(saved.status).toBe(201)
    const listed = await two.call('GET', '/app/views', { cookie })
    expect(JSON.stringify(listed.json)).toContain('Urgent ones')
  })

  test('a change made through one reaches a browser on the other, numbered', { timeout: 30_000 }, async () => {
    const onTwo = await stream(two)
    expect(onTwo.status).toBe(200)
    await onTwo.next('ready')
    const [task] = await firstTasks(1)
    const answer = await raisePriority(one, task!)
    expect(answer.json).toMatchObject({ outcome: 'applied' })
    const event = await onTwo.next('task')
    expect(JSON.parse(event.data)).toEqual({ taskId: task!._id })
    expect(Number(event.id)).toBeGreaterThan(0)
  })

  test('the same count asked of both costs the upstream once', { timeout: 30_000 }, async () => {
    const counts = (app: InProcessApp) =>
      app.call('GET', `/app/counts?set=${encodeURIComponent('priority=high&taskStatus=open')}`, { cookie })
    const before = two.upstreamRequests()
    const first = await counts(one)
    expect(first.status).toBe(200)
    const second = await counts(two)
    expect(second.json).toEqual(first.json)
    expect(two.upstreamRequests()).toBe(before)
  })

  test('the same workload asked of both costs the upstream once, and reads the same', { timeout: 30_000 }, async () => {
    const workload = (app: InProcessApp) =>
      app.call('GET', '/app/workload?priority=urgent&tz=Europe%2FBerlin', { cookie })
    const first = await workload(one)
    expect(first.status).toBe(200)
    const before = two.upstreamRequests()
    const second = await workload(two)
    expect(second.json).toEqual(first.json)
    expect(two.upstreamRequests()).toBe(before)
  })

  test(
    'what changed in a view since a moment, asked of both, costs the upstream once',
    { timeout: 30_000 },
    async () => {
      const since = encodeURIComponent(new Date(Date.now() - 86_400_000).toISOString())
      const changes = (app: InProcessApp) =>
        app.call('GET', `/app/changes?set=${encodeURIComponent('taskStatus=in_review')}&since=${since}`, { cookie })
      const first = await changes(one)
      expect(first.json).toMatchObject({ changes: [{ state: 'known' }] })
      const before = two.upstreamRequests()
      const second = await changes(two)
      expect(second.json).toEqual(first.json)
      expect(two.upstreamRequests()).toBe(before)
    },
  )

  test('a change made through one has the other take its figures again', { timeout: 30_000 }, async () => {
    const counts = () => two.call('GET', '/app/counts?set=priority%3Durgent', { cookie })
    const first = await counts()
    expect(first.status).toBe(200)
    const cached = two.upstreamRequests()
    await counts()
    expect(two.upstreamRequests()).toBe(cached)

    const onTwo = await stream(two)
    await onTwo.next('ready')
    const [task] = await firstTasks(1)
    expect((await raisePriority(one, task!)).json).toMatchObject({ outcome: 'applied' })
    await onTwo.next('task')
    const after = await counts()
    expect(two.upstreamRequests()).toBeGreaterThan(cached)
    const figure = (answer: typeof first) => (answer.json as { counts: { count: number }[] }).counts[0]!.count
    expect(Math.abs(figure(after) - figure(first))).toBe(1)
  })

  test(
    'a browser that reconnects with the number it saw is sent what it missed, in order',
    { timeout: 30_000 },
    async () => {
      const first = await stream(two)
      const ready = await first.next('ready')
      first.close()
      const [a, b] = await firstTasks(2)
      await raisePriority(one, a!)
      await raisePriority(two, b!)
      const again = await stream(one, { 'last-event-id': ready.id! })
      await again.next('ready')
      // In order, each once; the replay reaches a few numbers back too (a change committed late).
      const replayed = again.drain('task').map((event) => ({ seq: Number(event.id), data: event.data }))
      const numbers = replayed.map((event) => event.seq)
      expect(numbers).toEqual([...new Set(numbers)].sort((x, y) => x - y))
      const missed = replayed.filter((event) => event.seq > Number(ready.id))
      expect(missed.map((event) => (JSON.parse(event.data) as { taskId: string }).taskId)).toEqual([a!._id, b!._id])
    },
  )

  test('streams are for the signed-in, from this site, and capped per person', { timeout: 30_000 }, async () => {
    const signedOut = await fetch(`${two.url}/app/events`)
    expect(signedOut.status).toBe(401)
    const crossSite = await fetch(`${two.url}/app/events`, {
      headers: { cookie, 'sec-fetch-site': 'cross-site' },
    })
    expect(crossSite.status).toBe(403)
    const open: EventStream[] = []
    for (let index = 0; index < 10; index += 1) open.push(await stream(one))
    const tooMany = await stream(one)
    expect(tooMany.status).toBe(429)
    for (const each of open) each.close()
    await vi.waitFor(async () => expect((await stream(one)).status).toBe(200))
  })

  test('signing out ends the stream at its next heartbeat', { timeout: 60_000 }, async () => {
    const other = cookieFrom(await two.call('POST', '/app/session', { body: { apiKey: DEMO_KEY } }), 'tb_session')!
    const opened = await openEventStream(`${one.url}/app/events`, { cookie: other })
    streams.push(opened)
    await opened.next('ready')
    expect((await two.call('DELETE', '/app/session', { cookie: other })).status).toBeLessThan(300)
    await expect(opened.ended).resolves.toBe(true)
  })
})
