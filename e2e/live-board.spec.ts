import { startPostgresCluster, type PostgresCluster } from '../server/store/postgres-cluster.ts'
import {
  cookieFrom,
  DEMO_KEY,
  startAppProcess,
  startProcess,
  type AppProcess,
  type RunningProcess,
} from '../server/testing/start-app.ts'
import { parseTimestamp } from '../src/shared/tasks/api/schemas.ts'
import type { BrowserContext, Page } from '@playwright/test'
import { expect, expectAppRunning, test } from './fixtures.ts'

/*
 * A team on two app servers, one PostgreSQL and one tasks API: a dispatcher
 * on one server sees a colleague's change through the other without reloading.
 */

interface RawTask {
  _id: string
  priority?: string
  status: { lastModifiedAt: string }
}

// One team for the file: its tests run in order, in one worker.
test.describe.configure({ mode: 'default' })

let cluster: PostgresCluster
let api: RunningProcess
let one: AppProcess
let two: AppProcess

test.beforeAll(async () => {
  test.setTimeout(120_000)
  cluster = await startPostgresCluster()
  api = await startProcess(
    'server/demo-api/main.ts',
    ['--port', '0'],
    { DEMO_API_KEY: DEMO_KEY, DEMO_TASKS: '200' },
    /Demo API on (http:\/\/[^/\s]+)/,
  )
  const env = {
    DATABASE_URL: cluster.url,
    SESSION_SECRET: 'a-team-secret-of-forty-characters-or-so!',
    TASK_WRITES: 'priority',
    COUNT_BUDGET_PER_MINUTE: '100000',
  }
  const upstream = `${api.url}/v2`
  ;[one, two] = await Promise.all([
    startAppProcess({ mode: 'personal-key', upstream, env }),
    startAppProcess({ mode: 'personal-key', upstream, env }),
  ])
})

test.afterAll(async () => {
  await one?.stop()
  await two?.stop()
  await api?.stop()
  await cluster?.destroy()
})

const LABELS: Record<string, string> = { low: 'Low', medium: 'Medium', high: 'High', urgent: 'Urgent' }

/** Signs in once, on the first server: the session is in the store both share, and the cookie goes to either. */
async function signIn(context: BrowserContext): Promise<string> {
  const session = cookieFrom(await one.call('POST', '/app/session', { body: { apiKey: DEMO_KEY } }), 'tb_session')!
  const [name, value] = session.split('=') as [string, string]
  await context.addCookies([{ name, value, domain: '127.0.0.1', path: '/' }])
  // The demo API names its pictures by path, which only a demo-mode app server serves: stand-ins here.
  await context.route('**/demo-avatars/*', (route) =>
    route.fulfill({ contentType: 'image/svg+xml', body: '<svg xmlns="http://www.w3.org/2000/svg"/>' }),
  )
  return session
}

/** The task of the board's first row, as the API holds it now. */
async function firstRowTask(page: Page, session: string): Promise<RawTask> {
  const href = (await page.getByTestId('task-row').first().getByRole('link').first().getAttribute('href'))!
  const id = new URL(href, two.url).pathname.split('/').pop()!
  return (await one.call('GET', `/api/tasks/${id}`, { cookie: session })).json as unknown as RawTask
}

/** Raises (or lowers) a task's priority through the first server; answers the new one. */
async function changePriority(task: RawTask, session: string): Promise<string> {
  const to = task.priority === 'urgent' ? 'low' : 'urgent'
  const changed = await one.call('POST', `/app/tasks/${task._id}/changes`, {
    cookie: session,
    body: {
      field: 'priority',
      from: task.priority ?? null,
      to,
      seenModifiedAt: parseTimestamp(task.status.lastModifiedAt),
    },
  })
  expect(changed.json).toMatchObject({ outcome: 'applied' })
  return to
}

test('a change made through one app server shows on a board served by the other, in place', async ({
  page,
  context,
}) => {
  test.setTimeout(60_000)
  const session = await signIn(context)
  const streamOpened = page.waitForRequest((request) => request.url().startsWith(`${two.url}/app/events`))
  await page.goto(`${two.url}/tasks?tab=all&sort=title:asc&size=25`)
  await expectAppRunning(page)
  await streamOpened
  const rows = page.getByTestId('task-row')
  const titles = await rows.locator('td.col-title').allTextContents()
  const task = await firstRowTask(page, session)
  const row = rows.filter({ has: page.locator(`a[href^="/tasks/${task._id}"]`) })
  await expect(row.locator('td.col-priority')).toHaveText(LABELS[task.priority ?? ''] ?? /.*/)

  const to = await changePriority(task, session)
  // Well within the minute refresh: the feed told the second server, and it told the board.
  await expect(row.locator('td.col-priority')).toHaveText(LABELS[to]!, { timeout: 10_000 })
  // In place: the rows keep their order. Which rows are rendered may differ by one or two: the board renders those that
  // fill its frame once it has measured it, and the server's first screen those of a frame it assumed.
  const after = await rows.locator('td.col-title').allTextContents()
  const shared = (list: string[], other: string[]) => list.filter((title) => other.includes(title))
  expect(shared(after, titles)).toEqual(shared(titles, after))
  expect(shared(after, titles).length).toBeGreaterThan(10)
})

test('one stream serves all of a browser’s tabs; when its tab closes, another takes it over', async ({ context }) => {
  test.setTimeout(60_000)
  const session = await signIn(context)
  const streams: string[] = []
  context.on('request', (request) => {
    if (request.url().startsWith(`${two.url}/app/events`)) streams.push(request.url())
  })
  const board = `${two.url}/tasks?tab=all&sort=title:asc&size=25`
  const first = await context.newPage()
  await first.goto(board)
  await expectAppRunning(first)
  await expect.poll(() => streams.length).toBe(1)
  const second = await context.newPage()
  await second.goto(board)
  await expectAppRunning(second)
  // The second tab waits for the stream's lock rather than opening one of its own.
  await expect.poll(() => second.evaluate(async () => (await navigator.locks.query()).pending?.length ?? 0)).toBe(1)
  expect(streams).toHaveLength(1)

  const task = await firstRowTask(second, session)
  const to = await changePriority(task, session)
  for (const page of [first, second]) {
    const row = page.getByTestId('task-row').filter({ has: page.locator(`a[href^="/tasks/${task._id}"]`) })
    await expect(row.locator('td.col-priority')).toHaveText(LABELS[to]!, { timeout: 10_000 })
  }

  // The tab holding the stream closes: the other opens it again, from the last number it was told.
  await first.close()
  await expect.poll(() => streams.length).toBe(2)
  expect(new URL(streams[1]!).searchParams.get('after')).toMatch(/^\d+$/)
})

test('the workload page takes its figures again when a colleague changes a task through the other server', async ({
  page,
  context,
}) => {
  test.setTimeout(60_000)
  const session = await signIn(context)
  await page.goto(`${two.url}/tasks?tab=all&priority=low&sort=title:asc&size=25`)
  await expectAppRunning(page)
  const task = await firstRowTask(page, session)
  const streamOpened = page.waitForRequest((request) => request.url().startsWith(`${two.url}/app/events`))
  await page.goto(`${two.url}/workload?priority=urgent`)
  await streamOpened
  const table = page.locator('.workload table')
  await expect(table).toBeVisible()
  const before = await table.innerText()
  expect(await changePriority(task, session)).toBe('urgent')
  // One more urgent task on someone's (or nobody's) row, well within the minute refresh.
  await expect.poll(() => table.innerText(), { timeout: 10_000 }).not.toBe(before)
})
