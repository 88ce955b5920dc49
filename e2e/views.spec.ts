import { expect, test } from './fixtures.ts'
import { axeViolations } from './support/axe-violations.ts'
import { listAllTasks } from './support/demo-tasks.ts'
import { openViewsByKey, saveView, uniqueName } from './support/saved-views.ts'

test('a saved view opens by keyboard; a changed URL says modified, and Revert and Update view act on it', async ({
  page,
}) => {
  // Five board loads and two saves in one story.
  test.setTimeout(60_000)
  const name = uniqueName('All urgent')
  await page.goto('/tasks?tab=all&priority=urgent')
  await expect(page.getByTestId('task-row').first()).toBeVisible()
  await saveView(page, name)

  await page.goto('/tasks')
  await expect(page.getByTestId('task-row').first()).toBeVisible()
  let menu = await openViewsByKey(page)
  await page.keyboard.type(name)
  await expect(menu.getByRole('listbox').getByRole('option')).toHaveCount(1)
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/\/tasks\?priority=urgent&tab=all$|\/tasks\?tab=all&priority=urgent$/)
  const openedUrl = page.url()

  await page.getByRole('tab', { name: /^Open/ }).click()
  await expect(page.getByText(`Modified from “${name}”`)).toBeVisible()
  await page.getByRole('button', { name: 'Revert' }).click()
  await expect(page).toHaveURL(openedUrl)
  await expect(page.getByText(`Modified from “${name}”`)).toBeHidden()

  await page.getByRole('tab', { name: /^Open/ }).click()
  await page.getByRole('button', { name: 'Update view' }).click()
  await expect(page.getByText(`Modified from “${name}”`)).toBeHidden()
  const updatedUrl = page.url()

  await page.goto('/tasks')
  // The shortcut works once the board is there (a key pressed while the page still loads reaches nothing).
  await expect(page.getByTestId('task-row').first()).toBeVisible()
  menu = await openViewsByKey(page)
  await page.keyboard.type(name)
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(updatedUrl)
  await page.locator('body').press('v')
  await expect(menu.getByRole('option', { name })).toHaveAttribute('aria-current', 'true')
})

test('a colleague in another browser sees a team view; a hostile name stays text', async ({
  page,
  browser,
  baseURL,
}) => {
  const name = `<img src=x onerror="window.hacked=1"> ${uniqueName('Team')}`
  await page.goto('/tasks?tab=in_review')
  await expect(page.getByTestId('task-row').first()).toBeVisible()
  await saveView(page, name, { scope: 'Team views' })

  const colleague = await browser.newContext({ baseURL })
  try {
    const other = await colleague.newPage()
    await other.goto('/tasks')
    await expect(other.getByTestId('task-row').first()).toBeVisible()
    const menu = await openViewsByKey(other)
    const team = menu.getByRole('group', { name: 'Team views' })
    await expect(team.getByRole('option', { name }).locator('.views-menu__name')).toHaveText(name)
    expect(await other.evaluate(() => (window as { hacked?: number }).hacked)).toBeUndefined()
    await other.keyboard.type(name.slice(-10))
    await other.keyboard.press('Enter')
    await expect(other).toHaveURL(/tab=in_review/)
  } finally {
    await colleague.close()
  }
})

test('the views menu speaks German', async ({ page }) => {
  await page.goto('/tasks')
  await page.getByRole('combobox', { name: 'Language' }).selectOption('de')
  await page.getByRole('button', { name: 'Ansichten' }).click()
  const menu = page.getByRole('dialog', { name: 'Gespeicherte Ansichten' })
  await expect(menu.getByRole('group', { name: 'Meine Ansichten' })).toBeAttached()
  await expect(menu.getByRole('button', { name: 'Ansicht speichern' })).toBeVisible()
})

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the open views menu has no accessibility violations (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme })
    await page.goto('/tasks')
    await expect(page.getByTestId('task-row').first()).toBeVisible()
    await saveView(page, uniqueName('Axe'))
    await openViewsByKey(page)
    await page.keyboard.press('ArrowDown')
    expect(await axeViolations(page)).toEqual([])
  })
}

test('each saved view shows the number of tasks it holds', async ({ page, request }) => {
  const urgent = (await listAllTasks(request, 'priority=urgent')).length
  const highOpen = (await listAllTasks(request, 'priority=high&taskStatus=open')).length
  const urgentName = uniqueName('Counted urgent')
  const highName = uniqueName('Counted high open')
  await page.goto('/tasks?tab=all&priority=urgent')
  await expect(page.getByTestId('task-row').first()).toBeVisible()
  await saveView(page, urgentName)
  await page.goto('/tasks?tab=open&priority=high')
  await expect(page.getByTestId('task-row').first()).toBeVisible()
  await saveView(page, highName)

  const menu = await openViewsByKey(page)
  await expect(menu.getByRole('option', { name: urgentName })).toContainText(urgent.toLocaleString('en'))
  await expect(menu.getByRole('option', { name: highName })).toContainText(highOpen.toLocaleString('en'))
  await expect(menu.getByRole('option', { name: urgentName }).locator('.views-menu__count')).toHaveText(
    urgent.toLocaleString('en'),
  )
  await expect(menu.getByRole('option', { name: highName }).locator('.views-menu__count')).toHaveText(
    highOpen.toLocaleString('en'),
  )
})
