import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'

const headerWidth = (page: Page, name: string) =>
  page.getByRole('columnheader', { name }).evaluate((cell) => Math.round(cell.getBoundingClientRect().width))

test('a column resizes by keyboard and by pointer, and keeps its width after a reload', async ({ page }) => {
  await page.goto('/tasks')
  await expect(page.getByTestId('task-row').first()).toBeVisible()
  const before = await headerWidth(page, 'Assignee')

  const assignee = page.getByRole('separator', { name: 'Width of column Assignee' })
  await assignee.focus()
  await expect(assignee).toHaveAttribute('aria-valuenow', '10')
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('Shift+ArrowRight')
  await expect(assignee).toHaveAttribute('aria-valuenow', '12.5')
  expect(await headerWidth(page, 'Assignee')).toBe(before + 40)
  // Arrow keys on the handle move the edge, not the row focus.
  await expect(assignee).toBeFocused()

  const due = page.getByRole('separator', { name: 'Width of column Due' })
  const dueBefore = await headerWidth(page, 'Due')
  const handle = (await due.boundingBox())!
  await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2)
  await page.mouse.down()
  await page.mouse.move(handle.x + handle.width / 2 + 30, handle.y + handle.height / 2, { steps: 3 })
  await page.mouse.move(handle.x + handle.width / 2 + 48, handle.y + handle.height / 2, { steps: 3 })
  await page.mouse.up()
  expect(await headerWidth(page, 'Due')).toBe(dueBefore + 48)
  // The drag sorted nothing.
  await expect(page).toHaveURL(/\/tasks$/)

  // Narrower than its text the due column never gets.
  await due.focus()
  await page.keyboard.press('Home')
  expect(await headerWidth(page, 'Due')).toBe(dueBefore)

  await page.reload()
  await expect(page.getByTestId('task-row').first()).toBeVisible()
  expect(await headerWidth(page, 'Assignee')).toBe(before + 40)
  await expect(page.getByRole('separator', { name: 'Width of column Assignee' })).toHaveAttribute(
    'aria-valuenow',
    '12.5',
  )
})
