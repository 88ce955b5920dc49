import { expect, test } from './fixtures.ts'
import { axeViolations as violations } from './support/axe-violations.ts'

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} mode`, () => {
    test.use({ colorScheme })

    test('the board has no accessibility violations', async ({ page }) => {
      await page.goto('/tasks?priority=urgent,high')
      await expect(page.getByTestId('task-row').first()).toBeVisible()
      expect(await violations(page)).toEqual([])
    })

    test('an open filter menu has no accessibility violations', async ({ page }) => {
      await page.goto('/tasks')
      await expect(page.getByTestId('task-row').first()).toBeVisible()
      await page.getByRole('combobox', { name: 'Assignee' }).click()
      await expect(page.getByRole('listbox')).toBeVisible()
      expect(await violations(page)).toEqual([])
    })

    test('the task detail has no accessibility violations', async ({ page }) => {
      await page.goto('/tasks?tab=completed')
      await page.getByTestId('task-row').first().getByRole('link').click()
      await expect(page.getByRole('dialog')).toBeVisible()
      expect(await violations(page)).toEqual([])
    })
  })
}
