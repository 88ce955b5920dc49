import { expect, expectTaskRows, test } from './fixtures.ts'

test.describe('a 1024 px window', () => {
  test.use({ viewport: { width: 1024, height: 768 } })

  test('folds the filters into one button with a count and the settings into another', async ({ page }) => {
    await page.goto('/tasks?priority=urgent,high')
    await expect(page.getByTestId('task-row').first()).toBeVisible()
    await expect(page.getByRole('group', { name: 'Filters' })).toBeHidden()
    // The chips of active filters still show.
    await expect(page.getByRole('list', { name: 'Active filters' })).toBeVisible()
    const filters = page.getByRole('button', { name: 'Filters 2 active' })
    await expect(filters).toHaveAttribute('aria-expanded', 'false')
    await filters.click()
    await expect(page.getByRole('group', { name: 'Filters' })).toBeVisible()
    await page.getByRole('combobox', { name: 'Priority' }).click()
    await page.getByRole('option', { name: 'Medium' }).click()
    await page.keyboard.press('Escape')
    await expect(page.getByRole('button', { name: 'Filters 3 active' })).toBeVisible()

    await expect(page.getByRole('combobox', { name: 'Theme' })).toBeHidden()
    await page.getByRole('button', { name: 'Settings' }).click()
    await expect(page.getByRole('combobox', { name: 'Theme' })).toBeVisible()
    await expect(page.getByRole('combobox', { name: 'Language' })).toBeVisible()
  })

  test('leaves out tags and created by default; the column menu adds them back', async ({ page }) => {
    await page.goto('/tasks')
    await expect(page.getByTestId('task-row').first()).toBeVisible()
    await expect(page.getByRole('columnheader', { name: 'Tags' })).toHaveCount(0)
    await expect(page.getByRole('columnheader', { name: 'Created' })).toHaveCount(0)
    await page.getByRole('button', { name: 'Settings' }).click()
    await page.getByRole('button', { name: 'Columns' }).click()
    await page.getByRole('menuitemcheckbox', { name: 'Tags' }).click()
    await page.keyboard.press('Escape')
    await expect(page.getByRole('columnheader', { name: 'Tags' })).toBeVisible()
    await expect(page.getByRole('columnheader', { name: 'Created' })).toHaveCount(0)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024)

    // A wide window shows both whatever was chosen.
    await page.setViewportSize({ width: 1280, height: 800 })
    await expect(page.getByRole('columnheader', { name: 'Created' })).toBeVisible()
    await expect(page.getByRole('group', { name: 'Filters' })).toBeVisible()
  })
})

test.describe('a phone-sized window', () => {
  test.use({ viewport: { width: 390, height: 844 } })

  test('sets each task on two lines with the same keys, and the task panel covers the window', async ({ page }) => {
    await page.goto('/tasks?size=25')
    await expectTaskRows(page, 25)
    const row = page.getByTestId('task-row').first()
    const lineOf = async (selector: string) => {
      const bounds = (await row.locator(selector).boundingBox())!
      return Math.round(bounds.y + bounds.height / 2)
    }
    const first = await lineOf('td.col-identifier')
    expect(await lineOf('td.col-title')).toBe(first)
    const second = await lineOf('td.col-taskStatus')
    expect(second).toBeGreaterThan(first + 10)
    for (const cell of ['td.col-assignee', 'td.col-priority', 'td.col-dueDate']) expect(await lineOf(cell)).toBe(second)
    await expect(row.locator('td.col-tags')).toBeHidden()

    await page.keyboard.press('j')
    await page.keyboard.press('j')
    const rows = page.getByTestId('task-row')
    await expect(rows.nth(1).getByRole('link')).toBeFocused()
    const title = (await rows.nth(1).getByRole('link').textContent())!
    await page.keyboard.press('Enter')
    const dialog = page.getByRole('dialog', { name: title })
    await expect(dialog).toBeVisible()
    const panel = (await dialog.boundingBox())!
    expect(Math.round(panel.x)).toBe(0)
    expect(Math.round(panel.width)).toBe(390)
  })
})
