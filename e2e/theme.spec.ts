import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'

const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor)

test('the theme follows the system, and a choice overrides it and is kept', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' })
  await page.goto('/tasks')
  await expect(page.getByTestId('task-row').first()).toBeVisible()
  expect(await background(page)).toBe('rgb(246, 247, 249)')
  await page.emulateMedia({ colorScheme: 'dark' })
  expect(await background(page)).toBe('rgb(18, 21, 27)')

  await page.getByLabel('Colour theme').selectOption('light')
  expect(await background(page)).toBe('rgb(246, 247, 249)')
  await page.reload()
  await expect(page.getByLabel('Colour theme')).toHaveValue('light')
  expect(await background(page)).toBe('rgb(246, 247, 249)')

  await page.getByLabel('Colour theme').selectOption('system')
  expect(await background(page)).toBe('rgb(18, 21, 27)')
})
