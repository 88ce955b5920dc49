import { expect, test } from './fixtures.ts'

test.describe('a German browser', () => {
  test.use({ locale: 'de-DE' })

  test('gets the board in German, dates included, and can switch to English', async ({ page }) => {
    await page.goto('/tasks?tab=open&sort=dueDate:asc')
    await expect(page.getByRole('heading', { name: 'Aufgaben' })).toBeVisible()
    await expect(page.getByRole('tab', { name: 'Offen' })).toHaveAttribute('aria-selected', 'true')
    await expect(page.getByRole('columnheader', { name: /Fällig/ })).toHaveAttribute('aria-sort', 'ascending')
    await expect(page.getByText(/Zeilen 1–50/)).toBeVisible()
    await expect(page.getByTestId('task-row').first().locator('td.col-dueDate')).toContainText('überfällig')
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de')
    // The task panel speaks German too, down to its section headings.
    await page.getByTestId('task-row').first().getByRole('link').click()
    const panel = page.getByRole('dialog')
    await expect(panel.getByRole('heading', { name: 'Beschreibung' })).toBeVisible()
    await expect(panel.getByText('Fällig', { exact: true })).toBeVisible()
    await panel.getByRole('button', { name: 'Schließen' }).click()
    await expect(panel).toBeHidden()

    await page.getByLabel('Sprache').selectOption('en')
    await expect(page.getByRole('heading', { name: 'Tasks' })).toBeVisible()
    await expect(page.getByText(/Rows 1–50/)).toBeVisible()
    await page.reload()
    await expect(page.getByRole('heading', { name: 'Tasks' })).toBeVisible()
  })
})
