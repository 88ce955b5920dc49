import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'

async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  return results.violations.map(
    (violation) =>
      `${violation.id}: ${violation.help} — ${violation.nodes
        .slice(0, 3)
        .map((node) => node.target.join(' '))
        .join(' | ')}`,
  )
}

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
