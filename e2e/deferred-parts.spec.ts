import type { Page, Route } from '@playwright/test'
import { expect, test } from './fixtures.ts'

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
  const priority = page.getByRole('group', { name: 'Filters' }).getByRole('button', { name: 'Priority' })
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
  // The moment the first row is inserted, on the page's own clock.
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (!document.querySelector('[data-testid="task-row"]')) return
      document.documentElement.dataset.firstRowAt = String(performance.now())
      observer.disconnect()
    }).observe(document, { childList: true, subtree: true })
  })
  await page.goto('/tasks')
  await expect(page.getByTestId('task-row').first()).toBeVisible()
  const scripts = () =>
    page.evaluate(() => {
      const firstRowAt = Number(document.documentElement.dataset.firstRowAt)
      return performance
        .getEntriesByType('resource')
        .filter((entry) => entry.name.endsWith('.js'))
        .map((entry) => ({ path: new URL(entry.name).pathname, beforeRows: entry.startTime < firstRowAt }))
    })
  const deferred = /multi-select-popover|column-menu-popover|task-detail-panel|shortcuts-dialog|\/de-/
  expect((await scripts()).filter((script) => script.beforeRows && deferred.test(script.path))).toEqual([])
  // Fetched afterwards, so the first press finds them ready; German only when it is used.
  const paths = async () => (await scripts()).map((script) => script.path).join(' ')
  await expect.poll(paths).toMatch(/multi-select-popover/)
  await expect.poll(paths).toMatch(/task-detail-panel/)
  expect(await paths()).not.toMatch(/\/de-/)
})
