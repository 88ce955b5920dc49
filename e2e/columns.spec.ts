import { expect, test } from './fixtures.ts'

test('the column menu adds optional columns and sets density, kept in this browser and not in the URL', async ({
  page,
}) => {
  await page.goto('/tasks?tab=all')
  await expect(page.getByTestId('task-row').first()).toBeVisible()
  await expect(page.getByRole('columnheader', { name: 'Customer' })).toHaveCount(0)
  const comfortable = await page
    .getByTestId('task-row')
    .first()
    .evaluate((row) => row.clientHeight)

  await page.getByRole('button', { name: 'Columns' }).click()
  await page.getByRole('menuitemcheckbox', { name: 'Customer' }).click()
  await page.getByRole('menuitemcheckbox', { name: 'Email' }).click()
  await page.getByRole('menuitemradio', { name: 'Compact' }).click()
  await page.keyboard.press('Escape')

  await expect(page.getByRole('columnheader', { name: 'Customer' })).toBeVisible()
  await expect(page.getByRole('columnheader', { name: 'Email' })).toBeVisible()
  await expect(page).toHaveURL(/\/tasks\?tab=all$/)
  const compact = await page
    .getByTestId('task-row')
    .first()
    .evaluate((row) => row.clientHeight)
  expect(compact).toBeLessThan(comfortable)
  const email = page.getByTestId('task-row').locator('td.col-email a').first()
  await expect(email).toHaveAttribute('href', /^mailto:/)

  await page.reload()
  await expect(page.getByRole('columnheader', { name: 'Customer' })).toBeVisible()
  await page.getByRole('button', { name: 'Columns' }).click()
  await expect(page.getByRole('menuitemradio', { name: 'Compact' })).toHaveAttribute('aria-checked', 'true')
})
