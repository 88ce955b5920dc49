import type { Page } from '@playwright/test'
import { expect, expectTaskRows, test } from './fixtures.ts'

const rows = (page: Page) => page.getByTestId('task-row')

test('a 1,000-row page keeps a screenful of rows in the DOM and scrolls to its last row', async ({ page }) => {
  await page.goto('/tasks?tab=all&size=1000')
  await expectTaskRows(page, 1000)
  expect(await rows(page).count()).toBeLessThanOrEqual(60)
  const header = page.getByRole('columnheader', { name: 'Title' })
  const headerTop = (await header.boundingBox())!.y

  await page.locator('.table-wrap').evaluate((frame) => frame.scrollTo({ top: frame.scrollHeight }))
  const last = page.locator('[data-testid="task-row"][aria-rowindex="1001"]')
  await expect(last).toBeInViewport()
  expect(await rows(page).count()).toBeLessThanOrEqual(60)
  // The header stays where it was while the rows scroll under it.
  expect((await header.boundingBox())!.y).toBe(headerTop)
  // Row places run on without gaps, so assistive tech can say "row 990 of 1001".
  const indexes = await rows(page).evaluateAll((elements) => elements.map((row) => Number(row.ariaRowIndex)))
  expect(indexes).toEqual(indexes.map((_, offset) => indexes[0]! + offset))

  // The detail opens from a row far down and closes back to it.
  const link = last.getByRole('link')
  const title = (await link.textContent())!
  await link.click()
  await expect(page.getByRole('dialog', { name: title })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(link).toBeFocused()
})

test('a new view starts at its first row', async ({ page }) => {
  await page.goto('/tasks?size=100')
  await expectTaskRows(page, 100)
  await page.locator('.table-wrap').evaluate((frame) => frame.scrollTo({ top: frame.scrollHeight }))
  await expect(page.locator('[aria-rowindex="101"]')).toBeInViewport()
  await page.getByRole('button', { name: 'Next' }).click()
  await expect(page.getByText('Rows 101–200')).toBeVisible()
  await expect(page.locator('[data-testid="task-row"][aria-rowindex="2"]')).toBeInViewport()
})

test('a 1,000-row page asks only whether a next page exists, and fetches it when the pointer heads for Next', async ({
  page,
}) => {
  const nextPageRequests: string[] = []
  page.on('request', (request) => {
    const url = new URL(request.url())
    if (url.pathname === '/api/tasks/' && url.searchParams.get('offset') === '1000') {
      nextPageRequests.push(url.searchParams.get('limit') ?? '')
    }
  })
  await page.goto('/tasks?tab=all&size=1000')
  await expectTaskRows(page, 1000)
  const next = page.getByRole('button', { name: 'Next' })
  await expect(next).toBeEnabled()
  expect(nextPageRequests).toEqual(['1'])
  await next.hover()
  await expect.poll(() => nextPageRequests).toEqual(['1', '1000'])
  await next.click()
  await expect(page.getByText('Rows 1001–2000')).toBeVisible()
  expect(nextPageRequests).toEqual(['1', '1000'])
})

test('j from outside the table lands on the first row in view, not back at the top', async ({ page }) => {
  await page.goto('/tasks?tab=all&size=1000')
  await expectTaskRows(page, 1000)
  await page.locator('.table-wrap').evaluate((frame) => frame.scrollTo({ top: frame.scrollHeight / 2 }))
  await expect(page.locator('[data-testid="task-row"][aria-rowindex="2"]')).toHaveCount(0)
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
  await page.keyboard.press('j')
  const focused = page.locator('[data-testid="task-row"]:focus-within')
  await expect(focused).toBeInViewport()
  expect(Number(await focused.getAttribute('aria-rowindex'))).toBeGreaterThan(400)
})
