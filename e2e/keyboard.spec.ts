import type { Page } from '@playwright/test'
import { expect, expectTaskRows, test } from './fixtures.ts'

/** The row at a 0-based place in the page, wherever the frame is scrolled. */
const rowAt = (page: Page, index: number) => page.locator(`[data-testid="task-row"][aria-rowindex="${index + 2}"]`)

test('j/k and arrows move between rows, Enter opens, past the last row turns the page', async ({ page }) => {
  await page.goto('/tasks?size=25')
  const rows = page.getByTestId('task-row')
  await expectTaskRows(page, 25)
  await page.keyboard.press('j')
  await expect(rows.nth(0).getByRole('link')).toBeFocused()
  await page.keyboard.press('j')
  await page.keyboard.press('ArrowDown')
  await expect(rows.nth(2).getByRole('link')).toBeFocused()
  await page.keyboard.press('k')
  await expect(rows.nth(1).getByRole('link')).toBeFocused()

  const title = (await rows.nth(1).getByRole('link').textContent())!
  await page.keyboard.press('Enter')
  await expect(page.getByRole('dialog', { name: title })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(rows.nth(1).getByRole('link')).toBeFocused()

  // Down through rows that are not rendered yet: each comes into the frame as focus reaches it.
  for (let step = 1; step < 24; step += 1) await page.keyboard.press('ArrowDown')
  await expect(rowAt(page, 24).getByRole('link')).toBeFocused()
  await expect(rowAt(page, 24)).toBeInViewport()
  await page.keyboard.press('ArrowDown')
  await expect(page.getByText('Rows 26–50')).toBeVisible()
  await expect(rowAt(page, 0).getByRole('link')).toBeFocused()
  await page.keyboard.press('ArrowUp')
  await expect(page.getByText('Rows 1–25')).toBeVisible()
  await expect(rowAt(page, 24).getByRole('link')).toBeFocused()
  await expect(rowAt(page, 24)).toBeInViewport()
})

test('? lists the shortcuts', async ({ page }) => {
  await page.goto('/tasks')
  await expect(page.getByTestId('task-row').first()).toBeVisible()
  await page.keyboard.press('?')
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByText('Open the focused task')).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
})

test('focus stays on its row through a background refresh', async ({ page }) => {
  await page.clock.install()
  let refreshes = 0
  page.on('request', (request) => {
    if (new URL(request.url()).searchParams.get('offset') === '0') refreshes += 1
  })
  await page.goto('/tasks')
  const link = page.getByTestId('task-row').nth(3).getByRole('link')
  await link.focus()
  const before = refreshes
  await page.clock.fastForward('01:05')
  await expect.poll(() => refreshes).toBeGreaterThan(before)
  await expect(page.getByText(/Updated \d+ s ago/)).toBeVisible()
  await expect(link).toBeFocused()
})
