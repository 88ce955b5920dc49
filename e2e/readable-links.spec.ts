import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'

const rows = (page: Page) => page.getByTestId('task-row')
/** What the address bar holds, as the browser has it (not as Playwright would normalise it). */
const search = (page: Page) => page.evaluate(() => window.location.search)

test('opening a task keeps the exact query string, and closing returns to it', async ({ page }) => {
  const view = '?tab=all&sort=title:asc&size=25'
  await page.goto(`/tasks${view}`)
  await expect(rows(page).first()).toBeVisible()
  expect(await search(page)).toBe(view)
  const link = rows(page).nth(1).getByRole('link')
  const href = (await link.getAttribute('href'))!
  expect(href).toMatch(/^\/tasks\/[0-9a-f]{24}\?tab=all&sort=title:asc&size=25$/)
  await link.click()
  await expect(page.getByRole('dialog')).toBeVisible()
  expect(await page.evaluate(() => window.location.pathname + window.location.search)).toBe(href)
  await page.getByRole('button', { name: 'Close' }).click()
  await expect(page.getByRole('dialog')).toBeHidden()
  expect(await page.evaluate(() => window.location.pathname + window.location.search)).toBe(`/tasks${view}`)
})

test('a task opened from a link closes to the same query string', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.goto('/tasks?tab=all&priority=urgent,high&sort=dueDate:asc')
  const href = (await rows(page).first().getByRole('link').getAttribute('href'))!
  await page.goto(href)
  await expect(page.getByRole('dialog')).toBeVisible()
  await page.getByRole('button', { name: 'Copy link to this task' }).click()
  const copied = await page.evaluate(() => navigator.clipboard.readText())
  expect(new URL(copied).search).toBe('?tab=all&priority=urgent,high&sort=dueDate:asc')
  await page.getByRole('button', { name: 'Close' }).click()
  await expect(page.getByRole('dialog')).toBeHidden()
  expect(await search(page)).toBe('?tab=all&priority=urgent,high&sort=dueDate:asc')
})

test('an escaped link is rewritten to the readable form, and changes write the readable form', async ({ page }) => {
  await page.goto('/tasks?priority=high%2Curgent&sort=dueDate%3Aasc')
  await expect.poll(() => search(page)).toBe('?priority=urgent,high&sort=dueDate:asc')
  await page.getByRole('columnheader', { name: /^Due/ }).getByRole('link').click()
  await expect.poll(() => search(page)).toBe('?priority=urgent,high&sort=dueDate:desc')
})

test('a search term with separators and non-ASCII is escaped, and reads back after a reload', async ({ page }) => {
  const term = 'a&b #1 50%+ü:,'
  await page.goto('/tasks?tab=all')
  await page.getByRole('searchbox', { name: /Search tasks/ }).fill(term)
  await expect.poll(() => search(page)).toBe('?tab=all&q=a%26b+%231+50%25%2B%C3%BC:,')
  await page.reload()
  await expect(page.getByRole('searchbox', { name: /Search tasks/ })).toHaveValue(term)
  expect(await search(page)).toBe('?tab=all&q=a%26b+%231+50%25%2B%C3%BC:,')
})
