import type { Page } from '@playwright/test'
import { expect, expectNextPageKnown, expectTaskRows, test } from './fixtures.ts'
import { injectFault } from './support/demo-faults.ts'

interface ListRequest {
  params: URLSearchParams
  failed: boolean
}

/** Every list request from now on, with whether it was aborted. */
function recordListRequests(page: Page): ListRequest[] {
  const requests: ListRequest[] = []
  const byUrl = new Map<string, ListRequest>()
  page.on('request', (request) => {
    const url = new URL(request.url())
    if (url.pathname !== '/api/tasks/') return
    const entry = { params: url.searchParams, failed: false }
    requests.push(entry)
    byUrl.set(request.url(), entry)
  })
  page.on('requestfailed', (request) => {
    const entry = byUrl.get(request.url())
    if (entry) entry.failed = true
  })
  return requests
}

const sortedBy = (requests: ListRequest[], by: string) =>
  requests.filter((request) => (JSON.parse(request.params.get('sort') ?? '{}') as { by?: string }).by === by)
const ofStatus = (requests: ListRequest[], status: string | null) =>
  requests.filter((request) => request.params.get('taskStatus') === status)
const firstPages = (requests: ListRequest[]) => requests.filter((request) => request.params.get('offset') === '0')

test('resting the pointer on a sort header asks for its view once; the click then asks for nothing more', async ({
  page,
}) => {
  await page.goto('/tasks')
  await expectNextPageKnown(page)
  const requests = recordListRequests(page)
  const title = page.getByRole('columnheader', { name: /^Title/ }).getByRole('link')

  await title.hover()
  await expect.poll(() => sortedBy(requests, 'title').length).toBe(1)
  // Resting longer asks for nothing more.
  await page.waitForTimeout(500)
  expect(requests).toHaveLength(1)
  expect(Object.fromEntries(requests[0]!.params)).toMatchObject({ limit: '50', offset: '0' })

  await title.click()
  await expect(page).toHaveURL(/sort=title:asc/)
  await expectTaskRows(page, 50)
  await expectNextPageKnown(page)
  // The view's own request was the one the pointer started; the only new one is the next page.
  expect(firstPages(sortedBy(requests, 'title'))).toHaveLength(1)
  expect(requests.map((request) => request.params.get('offset'))).toEqual(['0', '50'])
})

test('keyboard focus on a sort header asks for its view too', async ({ page }) => {
  await page.goto('/tasks')
  await expectNextPageKnown(page)
  const requests = recordListRequests(page)
  await page
    .getByRole('columnheader', { name: /^Priority/ })
    .getByRole('link')
    .focus()
  await expect.poll(() => sortedBy(requests, 'priority').length).toBe(1)
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/sort=priority:asc/)
  await expectNextPageKnown(page)
  expect(firstPages(sortedBy(requests, 'priority'))).toHaveLength(1)
})

test('a pointer passing over the tabs asks for nothing; of two tabs rested on, only the last one’s request stays', async ({
  page,
  appServer,
}) => {
  await page.goto('/tasks')
  await expectNextPageKnown(page)
  const requests = recordListRequests(page)
  // Across every tab and out again within one task, as a quick sweep of the pointer does: no rest on any.
  // (Separate mouse moves would each take a round trip to the browser, which under load can outlast the rest.)
  await page.getByRole('tablist').evaluate((tabs) => {
    for (const tab of tabs.querySelectorAll('[role="tab"]')) {
      tab.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, pointerType: 'mouse' }))
      tab.dispatchEvent(new PointerEvent('pointerout', { bubbles: true, pointerType: 'mouse', relatedTarget: tabs }))
    }
  })
  await page.waitForTimeout(500)
  expect(requests).toHaveLength(0)

  // The first rest's answer is held back, so it is still in flight when the pointer moves on (once the tab
  // counts, which the server takes from the same API, are done).
  await expect(page.getByRole('tab', { name: /^All\s.*\d/ })).toBeVisible()
  await injectFault(appServer.url, { path: '/tasks/', delayMs: 5000, count: 1 })
  await page.getByRole('tab', { name: 'Completed' }).hover()
  await expect.poll(() => ofStatus(requests, 'completed').length).toBe(1)
  await page.getByRole('tab', { name: 'Cancelled' }).hover()
  await expect.poll(() => ofStatus(requests, 'cancelled').length).toBe(1)
  await expect.poll(() => ofStatus(requests, 'completed')[0]!.failed).toBe(true)
  expect(requests).toHaveLength(2)

  // The cancelled intent left nothing behind: clicking its tab asks again and shows its rows.
  await page.getByRole('tab', { name: 'Completed' }).click()
  await expect(page).toHaveURL(/tab=completed/)
  await expect(page.getByTestId('task-row').first().locator('td.col-taskStatus')).toHaveText('Completed')
  expect(firstPages(ofStatus(requests, 'completed'))).toHaveLength(2)
})
