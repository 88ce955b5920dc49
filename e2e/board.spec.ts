import { expect, expectTaskRows, test } from './fixtures.ts'

test('shows task rows from the demo API', async ({ page }) => {
  await page.goto('/tasks')
  await expect(page.getByRole('heading', { name: 'Tasks' })).toBeVisible()
  const rows = page.getByTestId('task-row')
  await expectTaskRows(page, 50)
  await expect(page.getByRole('columnheader', { name: 'Status' })).toBeVisible()
  // Identifiers as people say them: the type's prefix and the number.
  await expect(rows.first().getByRole('cell').first()).toHaveText(/^[A-Z]{2,5}-\d+$/)
  await expect(page.getByText('Rows 1–50')).toBeVisible()
})

test('a reload of a deep board path serves the app', async ({ page, consoleErrors }) => {
  consoleErrors.allow(/status of 404/)
  await page.goto('/tasks/0123456789abcdef01234567')
  await expect(page.getByTestId('task-row').first()).toBeVisible()
  await expect(page.getByRole('dialog', { name: 'Task not found' })).toBeVisible()
})

test('/ leads to the board', async ({ page }) => {
  await page.goto('/')
  await expect(page).toHaveURL(/\/tasks$/)
  await expect(page.getByTestId('task-row').first()).toBeVisible()
})

test('an unknown page says so and links to the board', async ({ page }) => {
  await page.goto('/nowhere')
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible()
  await page.getByRole('link', { name: 'Go to the task board' }).click()
  await expect(page.getByTestId('task-row').first()).toBeVisible()
})
