import type { Page } from '@playwright/test'
import { collectTaskRows, expect, expectNextPageKnown, expectTaskRows, test } from './fixtures.ts'
import { clearFaults, injectFault } from './support/demo-faults.ts'

const rows = (page: Page) => page.getByTestId('task-row')

test.afterEach(async ({ appServer }) => {
  await clearFaults(appServer.url)
})

for (const status of [500, 502, 503]) {
  test(`a ${status} shows the API's message with Retry, keeps the rows, and Retry recovers`, async ({
    page,
    appServer,
    consoleErrors,
  }) => {
    // It reads every row of the page twice by scrolling the frame, which on a loaded two-core machine
    // takes most of the default 30 s by itself.
    test.slow()
    consoleErrors.allow(new RegExp(`status of ${status}`))
    await page.goto('/tasks')
    await expectTaskRows(page, 50)
    const before = await collectTaskRows(page)
    await expectNextPageKnown(page)
    // Two: the board retries a server error once before it gives up.
    await injectFault(appServer.url, { path: '/tasks/', status, message: `Wartungsarbeiten (${status})`, count: 2 })
    await page.getByRole('tab', { name: 'Completed' }).click()
    const alert = page.getByRole('alert')
    await expect(alert).toContainText(`The task server had a problem (${status}).`)
    await expect(alert).toContainText(`Wartungsarbeiten (${status})`)
    await expect(page).toHaveURL(/tab=completed/)
    expect(await collectTaskRows(page)).toEqual(before)
    await alert.getByRole('button', { name: 'Retry' }).click()
    await expect(alert).toBeHidden()
    await expect(rows(page).locator('td.col-taskStatus').filter({ hasNotText: 'Completed' })).toHaveCount(0)
  })
}

test('a 429 waits as asked and then shows the rows', async ({ page, appServer, consoleErrors }) => {
  consoleErrors.allow(/status of 429/)
  await injectFault(appServer.url, { path: '/tasks/', status: 429, retryAfter: '1', count: 1 })
  await page.goto('/tasks')
  await expectTaskRows(page, 50)
  await expect(page.getByRole('alert')).toHaveCount(0)
})

test('a 429 with an HTTP date waits too', async ({ page, appServer, consoleErrors }) => {
  consoleErrors.allow(/status of 429/)
  const inTwoSeconds = new Date(Date.now() + 2000).toUTCString()
  await injectFault(appServer.url, { path: '/tasks/', status: 429, retryAfter: inTwoSeconds, count: 1 })
  await page.goto('/tasks')
  await expectTaskRows(page, 50)
})

test('a 429 asking for longer than the board waits says so', async ({ page, appServer, consoleErrors }) => {
  consoleErrors.allow(/status of 429/)
  await injectFault(appServer.url, { path: '/tasks/', status: 429, retryAfter: '600', count: 1 })
  await page.goto('/tasks')
  await expect(page.getByRole('alert')).toContainText('busy and asked us to slow down')
})

test('an answer that never comes times out with a clear message and Retry', async ({ page, appServer }) => {
  await page.clock.install()
  await injectFault(appServer.url, { path: '/tasks/', body: 'hang', count: 2 })
  await page.goto('/tasks')
  await expect(page.getByText('Loading tasks…')).toBeAttached()
  // The client gives up after 20 s, retries once after 2 s, gives up again.
  for (let step = 0; step < 6; step += 1) await page.clock.fastForward('00:10')
  const alert = page.getByRole('alert')
  await expect(alert).toContainText('taking too long to answer')
  // The server answers again; Retry must get the rows.
  await clearFaults(appServer.url)
  await alert.getByRole('button', { name: 'Retry' }).click()
  await expectTaskRows(page, 50)
})

// The app server reads every answer to pass on only the fields the board shows: an answer it cannot read
// is the upstream's failure (502, with the reason), and the board says so as it does for other server problems.
for (const [body, words] of [
  ['malformed', 'not JSON'],
  ['non-array', 'did not send a list where the task list belongs'],
] as const) {
  test(`a ${body} body is a server problem with the reason, not a crash`, async ({
    page,
    appServer,
    consoleErrors,
  }) => {
    consoleErrors.allow(/status of 502/)
    // Two: the board retries a server error once before it gives up.
    await injectFault(appServer.url, { path: '/tasks/', body, count: 2 })
    await page.goto('/tasks')
    const alert = page.getByRole('alert')
    await expect(alert).toContainText('The task server had a problem (502).')
    await expect(alert).toContainText(words)
  })
}

test("a proxy's HTML error page reads as a server problem, without its markup", async ({
  page,
  appServer,
  consoleErrors,
}) => {
  consoleErrors.allow(/status of 502/)
  await injectFault(appServer.url, { path: '/tasks/', body: 'html', status: 502, count: 2 })
  await page.goto('/tasks')
  const alert = page.getByRole('alert')
  await expect(alert).toContainText('The task server had a problem (502).')
  await expect(alert).not.toContainText('<')
})

test('broken rows are counted with a reason on demand; the rest show', async ({ page, appServer }) => {
  await injectFault(appServer.url, { path: '/tasks/', corruptRows: 2, count: 1 })
  await page.goto('/tasks')
  await expectTaskRows(page, 48)
  const notice = page.getByRole('status').filter({ hasText: '2 tasks could not be shown.' })
  await expect(notice).toBeVisible()
  await notice.getByText('Why?').click()
  await expect(notice).toContainText('Row 1:')
})

test('a page whose every row is broken is an error, not an empty list', async ({ page, appServer }) => {
  await injectFault(appServer.url, { path: '/tasks/', corruptRows: 1000, count: 1 })
  await page.goto('/tasks')
  await expect(page.getByRole('alert')).toContainText('None of the 50 tasks in the response could be read.')
  await expect(page.getByText('No tasks in this tab.')).toHaveCount(0)
})

test('a task repeated on a page shows once', async ({ page, appServer }) => {
  await injectFault(appServer.url, { path: '/tasks/', duplicateRows: 5, count: 1 })
  await page.goto('/tasks')
  await expectTaskRows(page, 50)
  const links = await collectTaskRows(page, { selector: 'a[data-task-link]', attribute: 'href' })
  expect(new Set(links).size).toBe(50)
})

test('offline shows a notice and the board recovers by itself', async ({ page, context, consoleErrors }) => {
  // Avatars still loading when the network goes are logged by the browser as failed loads.
  consoleErrors.allow(/ERR_INTERNET_DISCONNECTED/)
  await page.goto('/tasks')
  await expectTaskRows(page, 50)
  await context.setOffline(true)
  await expect(page.getByText('You are offline.')).toBeVisible()
  await page.getByRole('tab', { name: 'New' }).click()
  await expect(page).toHaveURL(/tab=new/)
  await context.setOffline(false)
  await expect(page.getByText('You are offline.')).toBeHidden()
  await expect(rows(page).locator('td.col-taskStatus').filter({ hasNotText: 'New' })).toHaveCount(0)
})
