import type { Page, Route } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import { firstRowMarked, markFirstRow, scriptLoads, scriptPaths } from './support/script-loads.ts'

/** Holds back the filter list's code until `release()`: what a slow network does to a lazy chunk. */
async function holdChunk(page: Page, pattern: RegExp) {
  let release = () => {}
  const released = new Promise<void>((resolve) => (release = resolve))
  const requested: string[] = []
  await page.route(pattern, async (route: Route) => {
    requested.push(route.request().url())
    await released
    await route.continue()
  })
  return { release, requested }
}

test('a filter pressed before its list code has arrived opens once it is there', async ({ page }) => {
  const chunk = await holdChunk(page, /\/assets\/multi-select-popover-[^/]*\.js$/)
  await page.goto('/tasks')
  await expect(page.getByTestId('task-row').first()).toBeVisible()
  // The list code is asked for only after the first rows show, and the button is already there.
  await expect.poll(() => chunk.requested.length).toBe(1)
  const priority = page.getByRole('group', { name: 'Filters' }).getByRole('combobox', { name: 'Priority' })
  await expect(priority).toHaveAttribute('aria-haspopup', 'listbox')
  await priority.click()
  await expect(page.getByRole('listbox')).toHaveCount(0)

  chunk.release()
  const list = page.getByRole('listbox')
  await expect(list).toBeVisible()
  await list.getByRole('option', { name: 'Urgent' }).click()
  await expect(page).toHaveURL(/priority=urgent/)
  await page.keyboard.press('Escape')
  await expect(list).toBeHidden()
  await expect(page.getByRole('combobox', { name: 'Priority' })).toBeFocused()
})

test('the first download carries no filter list, menu, panel or second language', async ({ page }) => {
  await markFirstRow(page)
  await page.goto('/tasks')
  await expect(page.getByTestId('task-row').first()).toBeVisible()
  expect(await firstRowMarked(page)).toBe(true)
  const deferred = /multi-select-popover|column-menu-popover|task-detail-panel|shortcuts-dialog|\/de-/
  expect((await scriptLoads(page)).filter((script) => script.beforeRows && deferred.test(script.path))).toEqual([])
  // Fetched afterwards, so the first press finds them ready; German only when it is used.
  const paths = () => scriptPaths(page)
  await expect.poll(paths).toMatch(/multi-select-popover/)
  await expect.poll(paths).toMatch(/task-detail-panel/)
  expect(await paths()).not.toMatch(/\/de-/)
})

test('a keyboard user on a stand-in keeps the focus when the real control replaces it', async ({ page }) => {
  const chunk = await holdChunk(page, /\/assets\/multi-select-popover-[^/]*\.js$/)
  await page.goto('/tasks')
  await expect(page.getByTestId('task-row').first()).toBeVisible()
  const assignee = page.getByRole('group', { name: 'Filters' }).getByRole('combobox', { name: 'Assignee' })
  await assignee.focus()
  await expect(assignee).toHaveAttribute('aria-haspopup', 'listbox')
  chunk.release()
  // The real control (its list is rendered only when open) has the focus; nothing opened by itself.
  await expect.poll(() => assignee.evaluate((element) => element.tagName + element.className)).toMatch(/BUTTON/)
  await expect(page.getByRole('listbox')).toHaveCount(0)
  await expect(assignee).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await expect(page.getByRole('listbox')).toBeVisible()
})

test('a task panel whose code cannot be fetched says so, and the board stays', async ({ page, consoleErrors }) => {
  consoleErrors.allow(/task-detail-panel|Failed to load resource|dynamically imported module/)
  await page.route(/\/assets\/task-detail-panel-[^/]*\.js(\?.*)?$/, (route) => route.abort('internetdisconnected'))
  await page.goto('/tasks')
  const link = page.getByTestId('task-row').first().getByRole('link')
  await link.click()
  await expect(page).toHaveURL(/\/tasks\/[^/?]+/)
  await expect(page.getByRole('alert')).toContainText('The task could not be displayed.')
  await expect(page.getByRole('alert').getByRole('button', { name: 'Try again' })).toBeVisible()
  await expect(page.getByTestId('task-row').first()).toBeVisible()
})

test('a searchable filter pressed before its code has arrived opens with its search field', async ({ page }) => {
  const chunk = await holdChunk(page, /\/assets\/multi-select-popover-[^/]*\.js$/)
  await page.goto('/tasks')
  await expect(page.getByTestId('task-row').first()).toBeVisible()
  await page.getByRole('group', { name: 'Filters' }).getByRole('combobox', { name: 'Assignee' }).click()
  chunk.release()
  await expect(page.getByRole('listbox')).toBeVisible()
  await expect(page.getByRole('combobox', { name: 'Search assignee' })).toBeVisible()
})
