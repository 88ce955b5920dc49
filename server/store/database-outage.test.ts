import { afterAll, beforeAll, expect, test } from 'vitest'
import { cookieFrom, DEMO_KEY, startApp, type RunningApp } from '../testing/start-app.ts'
import { startPostgresCluster, type PostgresCluster } from './postgres-cluster.ts'
import { createPostgresDatabase } from '../testing/test-databases.ts'

// This file stops its server mid-test, so it has a cluster of its own (never TEST_DATABASE_URL's).
let cluster: PostgresCluster
let app: RunningApp
let personal: RunningApp

beforeAll(async () => {
  cluster = await startPostgresCluster()
  app = await startApp({ mode: 'demo', env: { DATABASE_URL: await createPostgresDatabase(cluster.url) } })
  personal = await startApp({
    mode: 'personal-key',
    env: {
      DATABASE_URL: await createPostgresDatabase(cluster.url),
      SESSION_SECRET: 'a shared secret of every app server',
    },
  })
}, 60_000)

afterAll(async () => {
  await app?.stop()
  await personal?.stop()
  await cluster?.destroy()
})

test('the database going away gives clear errors and loses nothing; coming back, everything is there', async () => {
  const saved = await app.call('POST', '/app/views', { body: { name: 'Before the outage', query: 'tab=open' } })
  expect(saved.status).toBe(201)

  await cluster.stop()
  const list = await app.call('GET', '/app/views')
  expect(list.status).toBe(503)
  expect(list.json.message).toMatch(/database cannot be reached/)
  expect(list.headers['retry-after']).toBe('5')
  const save = await app.call('POST', '/app/views', { body: { name: 'During the outage', query: '' } })
  expect(save.status).toBe(503)
  expect(save.json.errors).toEqual([{ message: save.json.message }])
  // The board itself keeps working: the tasks API does not need the store.
  expect((await app.call('GET', '/api/tasks/?limit=1')).status).toBe(200)

  await cluster.start()
  const after = await app.call('GET', '/app/views')
  expect(after.status).toBe(200)
  expect((after.json.views as { name: string }[]).map((view) => view.name)).toEqual(['Before the outage'])
  expect((await app.call('POST', '/app/views', { body: { name: 'During the outage', query: '' } })).status).toBe(201)
}, 60_000)

test('signed-in dispatchers get a clear 503 while the database is away, and are still signed in after', async () => {
  const signedIn = await personal.call('POST', '/app/session', { body: { apiKey: DEMO_KEY } })
  const cookie = cookieFrom(signedIn, 'tb_session')!
  expect((await personal.call('GET', '/api/tasks/?limit=1', { cookie })).status).toBe(200)

  await cluster.stop()
  const during = await personal.call('GET', '/api/tasks/?limit=1', { cookie })
  expect(during.status).toBe(503)
  expect(during.json.message).toMatch(/database cannot be reached/)
  // A script's own key needs no session, so no database.
  expect((await personal.call('GET', '/api/tasks/?limit=1', { headers: { 'x-api-key': DEMO_KEY } })).status).toBe(200)

  await cluster.start()
  expect((await personal.call('GET', '/api/tasks/?limit=1', { cookie })).status).toBe(200)
}, 60_000)

test('an app server that cannot reach its database at start says so', async () => {
  const { openDatabase } = await import('./open-database.ts')
  const unreachable = 'postgres://postgres:secret@127.0.0.1:1/nowhere'
  const failure = await openDatabase({ dataDir: '/nonexistent', databaseUrl: unreachable }).catch(
    (error: unknown) => error,
  )
  expect(failure).toBeInstanceOf(Error)
  expect((failure as Error).message).toMatch(
    /^The database at postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:1\/nowhere cannot be reached: /,
  )
})
