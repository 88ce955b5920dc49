import type { Page } from '@playwright/test'
import { formatFirstViewIsland } from '../server/first-view/format-island.ts'
import { parseFirstViewHandover } from '../src/shared/tasks/api/first-view-handover.ts'
import { axeViolations } from './support/axe-violations.ts'
import { clearFaults, injectFault } from './support/demo-faults.ts'
import { withHandingOverServer } from './support/handing-over-server.ts'
import { collectTaskRows, expect } from './fixtures.ts'

// The page waits long for its answer: on a loaded machine the default 400 ms can pass, and a page without its first
// view is not what these tests look at (the bound is tested in server/first-view/).
const test = withHandingOverServer({ DEMO_FAULTS: '1', FIRST_VIEW_WAIT_MS: '10000' })

test.afterEach(async ({ appServer }) => {
  await clearFaults(appServer.url)
})

/** The offsets of the list requests the page sends. */
function listRequestOffsets(page: Page): string[] {
  const offsets: string[] = []
  page.on('request', (request) => {
    const url = new URL(request.url())
    if (url.pathname === '/api/tasks/') offsets.push(url.searchParams.get('offset') ?? '')
  })
  return offsets
}

const WIRE_25 = new URLSearchParams({
  limit: '25',
  offset: '0',
  sort: '{"by":"status.createdAt","direction":-1}',
  taskStatus: 'new,open,in_progress,in_review',
})

test('the first view comes with the page: its rows show without a list request for them', async ({ page, request }) => {
  const offsets = listRequestOffsets(page)
  await page.goto('/tasks?size=25')
  const expected = (await (await request.get(`/api/tasks/?${WIRE_25}`)).json()) as { title: string }[]
  expect(await collectTaskRows(page, { selector: 'td.col-title' })).toEqual(expected.map((task) => task.title))
  // The page after it is still asked for (the pager's Next), but never the page that came with the document.
  await expect.poll(() => offsets).toContain('25')
  expect(offsets).not.toContain('0')
  expect(await axeViolations(page)).toEqual([])
})

test('a view naming "me" comes with the page too: the server asks who that is first', async ({ page, request }) => {
  const self = (await (await request.get('/api/users/self')).json()) as { _id: string }
  const wire = new URLSearchParams(WIRE_25)
  // The demo's own user has no open task of its own: with the unassigned ones, the view has rows.
  wire.set('userIds', `unassigned_jobs,${self._id}`)
  const expected = (await (await request.get(`/api/tasks/?${wire}`)).json()) as { title: string }[]
  expect(expected.length).toBeGreaterThan(0)
  const asked: string[] = []
  page.on('request', (req) => {
    const url = new URL(req.url())
    if (
      url.pathname === '/api/users/self' ||
      (url.pathname === '/api/tasks/' && url.searchParams.get('offset') === '0')
    )
      asked.push(url.pathname)
  })
  await page.goto('/tasks?assignee=unassigned,me&size=25')
  expect(await collectTaskRows(page, { selector: 'td.col-title' })).toEqual(expected.map((task) => task.title))
  expect(asked).toEqual([])
})

test('a mangled address gets the usual notice, and the rows of the view the board makes of it', async ({ page }) => {
  const offsets = listRequestOffsets(page)
  await page.goto('/tasks?tab=nope&size=7&page=-4')
  const notice = page.getByRole('status').filter({ hasText: 'could not be used' })
  await expect(notice).toBeVisible()
  for (const name of ['tab', 'size', 'page']) {
    await expect(notice.locator('code', { hasText: new RegExp(`^${name}$`) })).toBeVisible()
  }
  await expect(page.getByTestId('task-row').first()).toBeVisible()
  expect(offsets).not.toContain('0')
})

test('when the API fails for the page, the board asks itself and shows what it gets', async ({ page, appServer }) => {
  // One failure: the page's own request takes it, the board's request then gets rows. Only a page's request
  // (limit and offset), so no count still running from an earlier test takes it instead.
  // A message no task title can hold: the demo's titles change with the date.
  const message = 'Maintenance (a fault the test injected)'
  await injectFault(appServer.url, { path: '/tasks/', query: { limit: '25', offset: '0' }, status: 503, message })
  const offsets = listRequestOffsets(page)
  await page.goto('/tasks?size=25')
  await expect(page.getByTestId('task-row').first()).toBeVisible()
  expect(offsets).toContain('0')
  await expect(page.getByText(message)).toHaveCount(0)
})

test('hostile text in a handed-over answer stays text', async ({ page }) => {
  let dialogs = 0
  page.on('dialog', (dialog) => {
    dialogs += 1
    void dialog.dismiss()
  })
  const title = '</script><script>window.__pwned = 1</script><!-- \u2028 <img src=x onerror="window.__pwned = 1">'
  // The served page with this title in the first row the server handed over: the browser's parser is what is tested.
  await page.route(
    (url) => url.pathname === '/tasks',
    async (route) => {
      const response = await route.fetch()
      const html = (await response.text()).replace(
        /<script type="application\/json" id="first-view">(.*?)<\/script>/s,
        (_, json: string) => {
          const handover = parseFirstViewHandover(json)!
          const list = handover.state!.queries.find((query) => query.queryKey[1] === 'list')!
          ;(list.state.data as { tasks: { title: unknown }[] }).tasks[0]!.title = title
          // Without the screen the server rendered (the original title): the board renders the rows itself.
          return formatFirstViewIsland({ state: handover.state })
        },
      )
      await route.fulfill({ response, body: html })
    },
  )
  const offsets = listRequestOffsets(page)
  await page.goto('/tasks?size=25')
  await expect(page.getByTestId('task-row').first()).toContainText('</script><script>window.__pwned = 1</script>')
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined()
  expect(dialogs).toBe(0)
  expect(offsets).not.toContain('0')
})

test('every task link opens the board with the first screen on, whatever it holds: the task or a sentence, no page error', async ({
  page,
  consoleErrors,
}) => {
  // The board asks the API for the task the link names; the browser logs the 404 that says there is none.
  consoleErrors.allow(/status of 404/)
  for (const path of [
    '/tasks/..%2F..%2Fetc%2Fpasswd',
    '/tasks/%3Cscript%3Ealert(1)%3C%2Fscript%3E',
    '/tasks/.env',
    '/tasks/a%2Fb%3Fc%23d',
    '/tasks/%E0%A4%A',
    '/tasks/' + 'f'.repeat(24),
  ]) {
    await page.goto(path)
    await expect(page.getByRole('heading', { name: 'Tasks' }), path).toBeVisible()
    await expect(page.getByTestId('task-row').first(), path).toBeVisible()
    await expect(page.getByRole('dialog').getByText('Task not found'), path).toBeVisible()
  }
})

test('a 429 the server met for the page reaches the board with its wait, and the board waits', async ({
  page,
  appServer,
}) => {
  await injectFault(appServer.url, { path: '/tasks/', status: 429, retryAfter: '2', count: 1 })
  const asked: number[] = []
  page.on('request', (request) => {
    const url = new URL(request.url())
    if (url.pathname === '/api/tasks/' && url.searchParams.get('offset') === '0') asked.push(Date.now())
  })
  const before = Date.now()
  await page.goto('/tasks?size=25')
  await expect(page.getByTestId('task-row').first()).toBeVisible({ timeout: 10_000 })
  // The server met the 429 after `before`: the board's own first request comes no sooner than two seconds after it.
  expect(asked.length).toBeGreaterThan(0)
  expect(asked[0]! - before).toBeGreaterThanOrEqual(2000)
})
