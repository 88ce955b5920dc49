import { expect, test } from './fixtures.ts'

test('a row opens its task over the board, keeping the view; Esc closes and focus returns', async ({ page }) => {
  await page.goto('/tasks?tab=open&sort=title:asc')
  const row = page.getByTestId('task-row').nth(2)
  const title = (await row.locator('td.col-title').textContent())!
  await row.locator('td.col-taskStatus').click()
  await expect(page).toHaveURL(/\/tasks\/[0-9a-f]{24}\?tab=open&sort=title:asc$/)
  const dialog = page.getByRole('dialog', { name: title })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByRole('heading', { name: 'Description', exact: true })).toBeVisible()
  await expect(page.getByTestId('task-row').first()).toBeAttached()
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(page).toHaveURL(/\/tasks\?tab=open&sort=title:asc$/)
  await expect(row.getByRole('link', { name: title })).toBeFocused()
})

test('Back closes the detail and Forward opens it again', async ({ page }) => {
  await page.goto('/tasks')
  const link = page.getByTestId('task-row').first().getByRole('link')
  const title = (await link.textContent())!
  await link.click()
  await expect(page.getByRole('dialog', { name: title })).toBeVisible()
  await page.goBack()
  await expect(page.getByRole('dialog')).toBeHidden()
  await expect(page).toHaveURL(/\/tasks$/)
  await page.goForward()
  await expect(page.getByRole('dialog', { name: title })).toBeVisible()
})

test('a deep link to a task loads it and the board behind it', async ({ page, request }) => {
  const [task] = (await (await request.get('/api/tasks/?limit=1&offset=30')).json()) as { _id: string; title: string }[]
  await page.goto(`/tasks/${task!._id}?tab=all`)
  await expect(page.getByRole('dialog', { name: task!.title })).toBeVisible()
  await page.getByRole('button', { name: 'Close' }).click()
  await expect(page).toHaveURL(/\/tasks\?tab=all$/)
  await expect(page.getByTestId('task-row').first()).toBeVisible()
})

test('a missing task says so in the panel', async ({ page, consoleErrors }) => {
  consoleErrors.allow(/status of 404/)
  await page.goto('/tasks/0123456789abcdef01234567')
  await expect(page.getByRole('dialog', { name: 'Task not found' })).toBeVisible()
})
