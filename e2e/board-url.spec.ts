import type { Page, Request } from '@playwright/test'
import { collectTaskRows, expect, expectNextPageKnown, test } from './fixtures.ts'
import { injectFault } from './support/demo-faults.ts'

/** The list requests the page sends, as parsed query strings. */
function recordListRequests(page: Page): URLSearchParams[] {
  const requests: URLSearchParams[] = []
  page.on('request', (request: Request) => {
    const url = new URL(request.url())
    if (url.pathname === '/api/tasks/') requests.push(url.searchParams)
  })
  return requests
}

const rows = (page: Page) => page.getByTestId('task-row')

test('a deep link with every parameter sends exactly the documented request', async ({ page, request }) => {
  const users = (await (await request.get('/api/users/')).json()) as { _id: string }[]
  const types = (await (await request.get('/api/taskTypes/')).json()) as { _id: string }[]
  const customers = (await (await request.get('/api/customers/')).json()) as { _id: string }[]
  const user = users[1]!._id
  const type = types[0]!._id
  const customer = customers[0]!._id
  const listRequest = page.waitForRequest((req) => new URL(req.url()).pathname === '/api/tasks/')
  await page.goto(
    `/tasks?tab=all&q=a&assignee=unassigned,${user}&priority=urgent,high&type=${type}&customer=${customer}&recurring=false&sort=dueDate:asc&page=2&size=25`,
  )
  const first = new URL((await listRequest).url()).searchParams
  expect(Object.fromEntries(first)).toEqual({
    limit: '25',
    offset: '25',
    sort: '{"by":"dueDate","direction":1}',
    userIds: `unassigned_jobs,${user}`,
    priority: 'urgent,high',
    taskType: type,
    customer,
    taskFromRecurringTemplate: 'false',
    taskByTitleIdentifier: 'a',
  })
})

test('a deep link shows the same rows, in the same order, as the API gives for its request', async ({
  page,
  request,
}) => {
  await page.goto('/tasks?tab=open&priority=urgent,high&sort=dueDate:asc&page=2&size=25')
  await expect(page.getByText('Rows 26–50')).toBeVisible()
  const wire = new URLSearchParams({
    limit: '25',
    offset: '25',
    sort: '{"by":"dueDate","direction":1}',
    taskStatus: 'open',
    priority: 'urgent,high',
  })
  const expected = (await (await request.get(`/api/tasks/?${wire}`)).json()) as { title: string }[]
  expect(await collectTaskRows(page, { selector: 'td.col-title' })).toEqual(expected.map((task) => task.title))
})

test('tabs change the URL, the request and keep the other filters', async ({ page }) => {
  const requests = recordListRequests(page)
  await page.goto('/tasks?priority=urgent')
  await expect(rows(page).first()).toBeVisible()
  await page.getByRole('tab', { name: 'In progress' }).click()
  await expect(page).toHaveURL(/\/tasks\?tab=in_progress&priority=urgent$/)
  await expect(page.getByRole('tab', { name: 'In progress' })).toHaveAttribute('aria-selected', 'true')
  await expect(rows(page).first()).toBeVisible()
  await expect(rows(page).locator('td.col-taskStatus').filter({ hasNotText: 'In progress' })).toHaveCount(0)
  expect(requests.map((params) => params.get('taskStatus'))).toContain('in_progress')
})

test('sorting by a header cycles ascending, descending, default, with aria-sort', async ({ page }) => {
  await page.goto('/tasks')
  const header = page.getByRole('columnheader', { name: /Due/ })
  await expect(header).toHaveAttribute('aria-sort', 'none')
  await header.getByRole('link').click()
  await expect(page).toHaveURL(/sort=dueDate:asc/)
  await expect(header).toHaveAttribute('aria-sort', 'ascending')
  await header.getByRole('link').click()
  await expect(page).toHaveURL(/sort=dueDate:desc/)
  await expect(header).toHaveAttribute('aria-sort', 'descending')
  await header.getByRole('link').click()
  await expect(page).toHaveURL(/\/tasks$/)
  await expect(page.getByRole('columnheader', { name: /Created/ })).toHaveAttribute('aria-sort', 'descending')
})

test('Next and Previous page through rows; Back and Forward restore the view', async ({ page }) => {
  await page.goto('/tasks?size=25')
  await expect(page.getByText('Rows 1–25')).toBeVisible()
  const firstTitle = await rows(page).first().textContent()
  const next = page.getByRole('button', { name: 'Next' })
  await expect(next).toBeEnabled()
  await next.click()
  await expect(page).toHaveURL(/page=2&size=25|size=25.*page=2/)
  await expect(page.getByText('Rows 26–50')).toBeVisible()
  expect(await rows(page).first().textContent()).not.toBe(firstTitle)
  await page.goBack()
  await expect(page.getByText('Rows 1–25')).toBeVisible()
  await expect(rows(page).first()).toHaveText(firstTitle!)
  await page.goForward()
  await expect(page.getByText('Rows 26–50')).toBeVisible()
  await page.getByRole('button', { name: 'Previous' }).click()
  await expect(page.getByText('Rows 1–25')).toBeVisible()
})

test('changing the page size returns to page 1', async ({ page }) => {
  await page.goto('/tasks?page=3')
  await expect(page.getByText('Rows 101–150')).toBeVisible()
  await page.getByLabel('Rows per page').selectOption('25')
  await expect(page).toHaveURL(/\/tasks\?size=25$/)
  await expect(page.getByText('Rows 1–25')).toBeVisible()
})

test('reload keeps the view', async ({ page }) => {
  await page.goto('/tasks?tab=completed&sort=title:asc&page=2')
  await expect(page.getByText('Rows 51–100')).toBeVisible()
  const before = await collectTaskRows(page)
  await page.reload()
  await expect(page.getByText('Rows 51–100')).toBeVisible()
  expect(await collectTaskRows(page)).toEqual(before)
})

test('invalid parameters show a notice and the canonical URL replaces the link', async ({ page }) => {
  await page.goto('/tasks?tab=someday&size=7&page=abc&sort=colour:up&recurring=maybe&priority=high&utm=x')
  await expect(page).toHaveURL(/\/tasks\?priority=high&utm=x$/)
  const notice = page.getByRole('status').filter({ hasText: 'could not be used' })
  await expect(notice).toBeVisible()
  for (const name of ['tab', 'size', 'page', 'sort', 'recurring']) {
    await expect(notice.locator('code', { hasText: new RegExp(`^${name}$`) })).toBeVisible()
  }
  await expect(rows(page).first()).toBeVisible()
  await notice.getByRole('button', { name: 'Dismiss' }).click()
  await expect(notice).toBeHidden()
  // Replaced, not pushed: Back leaves the board instead of returning to the broken link.
  await page.goBack()
  await expect(page).toHaveURL('about:blank')
})

test('a page past the end says so and offers the first page', async ({ page }) => {
  await page.goto('/tasks?tab=cancelled&page=999&size=1000')
  await expect(page.getByText('Page 999 is past the end of this list.')).toBeVisible()
  await page.getByRole('button', { name: 'Go to the first page' }).click()
  await expect(page).toHaveURL(/\/tasks\?tab=cancelled&size=1000$/)
  await expect(rows(page).first()).toBeVisible()
})

test('search updates the URL after a pause, by replace, and / focuses it', async ({ page }) => {
  await page.goto('/tasks')
  await expect(rows(page).first()).toBeVisible()
  const lengthBefore = await page.evaluate(() => window.history.length)
  await page.keyboard.press('/')
  const box = page.getByRole('searchbox', { name: /Search tasks/ })
  await expect(box).toBeFocused()
  await box.pressSequentially('Heiz', { delay: 40 })
  await expect(page).toHaveURL(/\/tasks\?q=Heiz$/)
  await expect(box).toHaveValue('Heiz')
  // Rows of the previous view stay (dimmed) until the search answers: wait until none is left.
  await expect(rows(page).first()).toBeVisible()
  await expect(rows(page).locator('td.col-title').filter({ hasNotText: /heiz/i })).toHaveCount(0)
  expect(await page.evaluate(() => window.history.length)).toBe(lengthBefore)
})

test('copy link copies an absolute URL with every parameter written out', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.goto('/tasks?tab=new')
  await expect(rows(page).first()).toBeVisible()
  await page.getByRole('button', { name: 'Copy link' }).click()
  await expect(page.getByRole('button', { name: 'Link copied' })).toBeVisible()
  const copied = await page.evaluate(() => navigator.clipboard.readText())
  expect(copied).toBe(
    `${baseURL}/tasks?tab=new&q=&assignee=&priority=&type=&customer=&recurring=&changed=&sort=status.createdAt:desc&page=1&size=50`,
  )
})

test('a copied link opened in a fresh browser shows the same rows', async ({ page, browser, baseURL }) => {
  await page.goto('/tasks?tab=open&sort=priority:desc&page=2&size=25')
  await expect(page.getByText('Rows 26–50')).toBeVisible()
  const mine = await collectTaskRows(page)
  const fresh = await browser.newContext()
  try {
    const other = await fresh.newPage()
    await other.goto(`${baseURL}/tasks?tab=open&sort=priority:desc&page=2&size=25`)
    await expect(other.getByText('Rows 26–50')).toBeVisible()
    expect(await collectTaskRows(other)).toEqual(mine)
  } finally {
    await fresh.close()
  }
})

test('leaving a view aborts its request, and its late answer never shows', async ({ page, appServer }) => {
  await page.goto('/tasks')
  await expect(rows(page).first()).toBeVisible()
  await expectNextPageKnown(page)
  // The second click must come while the first view's answer is still delayed. On a busy machine two
  // clicks can be seconds apart, so the delay leaves a wide margin (yet stays below the server's 15 s
  // upstream timeout), and the wait for the late answer counts from the first click, not from now.
  test.setTimeout(60_000)
  const delayMs = 12_000
  await injectFault(appServer.url, { path: '/tasks/', delayMs, count: 1 })
  const aborted: string[] = []
  page.on('requestfailed', (request) => {
    if (new URL(request.url()).pathname === '/api/tasks/') aborted.push(request.url())
  })
  const firstClick = Date.now()
  await page.getByRole('tab', { name: 'Completed' }).click()
  await expect(page).toHaveURL(/tab=completed/)
  await page.getByRole('tab', { name: 'Cancelled' }).click()
  await expect(page).toHaveURL(/tab=cancelled/)
  await expect(rows(page).locator('td.col-taskStatus').filter({ hasNotText: 'Cancelled' })).toHaveCount(0)
  await expect.poll(() => aborted.some((url) => url.includes('taskStatus=completed'))).toBe(true)
  await page.waitForTimeout(Math.max(0, firstClick + delayMs + 500 - Date.now()))
  for (const status of await collectTaskRows(page, { selector: 'td.col-taskStatus' })) expect(status).toBe('Cancelled')
})

test('the request sent before the first render is the one the board uses: one request for the view', async ({
  page,
}) => {
  const requests = recordListRequests(page)
  await page.goto('/tasks?tab=open&priority=urgent,high&sort=dueDate:asc&size=25')
  await expect(page.getByText('Rows 1–25')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Next' })).toBeEnabled()
  expect(requests.filter((params) => params.get('offset') === '0')).toHaveLength(1)
})
