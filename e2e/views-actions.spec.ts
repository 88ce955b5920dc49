import { expect, test } from './fixtures.ts'
import { axeViolations } from './support/axe-violations.ts'
import { startAppProcess } from '../server/testing/start-app.ts'
import { actionsOf, openBoard, openViewsByKey, saveView, uniqueName } from './support/saved-views.ts'

test('rename a view; a name already taken says so and keeps what was typed', async ({ page, consoleErrors }) => {
  consoleErrors.allow(/status of 409/)
  const first = uniqueName('Overdue')
  const second = uniqueName('Heating')
  await openBoard(page, '/tasks?tab=all&sort=dueDate:asc')
  await saveView(page, first)
  await saveView(page, second)

  let { menu, actions } = await actionsOf(page, first)
  await actions.getByRole('button', { name: 'Rename' }).click()
  const renamed = `${first} (mine)`
  await actions.getByLabel('New name').fill(renamed)
  await actions.getByRole('button', { name: 'Save name' }).click()
  await expect(menu.getByRole('option', { name: renamed })).toBeVisible()
  await page.keyboard.press('Escape')

  ;({ menu, actions } = await actionsOf(page, second))
  await actions.getByRole('button', { name: 'Rename' }).click()
  await actions.getByLabel('New name').fill(`  ${renamed.toUpperCase()} `)
  await actions.getByRole('button', { name: 'Save name' }).click()
  await expect(actions.getByRole('alert')).toHaveText('Another view here already has this name; choose another one.')
  await expect(actions.getByLabel('New name')).toHaveValue(`  ${renamed.toUpperCase()} `)
  await actions.getByLabel('New name').fill('   ')
  await actions.getByRole('button', { name: 'Save name' }).click()
  await expect(actions.getByRole('alert')).toHaveText('A view needs a name.')
})

test('Esc in the rename field closes only the rename and returns to Rename; Esc again closes the menu', async ({
  page,
}) => {
  const name = uniqueName('Esc rename')
  await openBoard(page, '/tasks?tab=new')
  await saveView(page, name)
  const { menu, actions } = await actionsOf(page, name)
  await actions.getByRole('button', { name: 'Rename' }).click()
  await expect(actions.getByLabel('New name')).toBeFocused()
  await page.keyboard.type('half typed')
  await page.keyboard.press('Escape')
  await expect(actions.getByLabel('New name')).toHaveCount(0)
  await expect(menu).toBeVisible()
  await expect(actions.getByRole('button', { name: 'Rename' })).toBeFocused()
  await expect(actions.getByRole('button', { name: 'Rename' })).toHaveAttribute('aria-expanded', 'false')
  await expect(menu.getByRole('option', { name })).toBeVisible()
  await expect(page).toHaveURL(/\/tasks\?tab=new$/)
  await page.keyboard.press('Escape')
  await expect(menu).toBeHidden()
  await expect(page.getByRole('button', { name: 'Views' })).toBeFocused()
})

test('duplicate a view, delete it and undo at once, delete it again and restore it from the trash', async ({
  page,
}) => {
  const name = uniqueName('In review')
  await openBoard(page, '/tasks?tab=in_review')
  await saveView(page, name)

  let { menu, actions } = await actionsOf(page, name)
  await actions.getByRole('button', { name: 'Duplicate' }).click()
  await expect(menu.getByRole('status')).toHaveText(`Duplicated as “${name} (copy)”.`)
  await menu.getByRole('combobox', { name: 'Find a view' }).fill(`${name} (copy)`)
  await expect(menu.getByRole('option', { name: `${name} (copy)` })).toBeVisible()
  await page.keyboard.press('Escape')

  ;({ menu, actions } = await actionsOf(page, `${name} (copy)`))
  await actions.getByRole('button', { name: 'Delete' }).click()
  await expect(menu.getByRole('status')).toHaveText(`“${name} (copy)” is in the trash.`)
  await expect(menu.getByRole('listbox').getByRole('option')).toHaveCount(0)
  const undo = menu.getByRole('button', { name: 'Undo' })
  await expect(undo).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(menu.getByRole('status')).toHaveText(`“${name} (copy)” is back.`)
  await expect(menu.getByRole('status')).toBeFocused()
  await expect(menu.getByRole('option', { name: `${name} (copy)` })).toBeVisible()

  await menu
    .getByRole('group', { name: `Manage “${name} (copy)”` })
    .getByRole('button', { name: 'Delete' })
    .click()
  await expect(menu.getByRole('status')).toHaveText(`“${name} (copy)” is in the trash.`)
  await menu.getByRole('button', { name: 'Trash' }).click()
  const trash = menu.getByRole('region', { name: 'Deleted views, kept for 30 days' })
  const entry = trash.getByRole('listitem').filter({ hasText: `${name} (copy)` })
  await expect(entry).toContainText('My views · deleted')
  await entry.getByRole('button', { name: `Restore ${name} (copy)` }).click()
  await expect(menu.getByRole('status')).toHaveText(`“${name} (copy)” is back.`)
  await expect(entry).toBeHidden()
  await expect(menu.getByRole('option', { name: `${name} (copy)` })).toBeVisible()
})

test('the actions work from the keyboard alone', async ({ page }) => {
  const name = uniqueName('Keyboard')
  await openBoard(page, '/tasks?tab=new')
  await saveView(page, name)
  const { menu } = await actionsOf(page, name)
  await page.keyboard.press('Tab')
  await expect(menu.getByRole('button', { name: 'Rename' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(menu.getByLabel('New name')).toBeFocused()
  await page.keyboard.type(`${name} by keys`)
  await page.keyboard.press('Enter')
  await expect(menu.getByRole('listbox').getByRole('option', { name: `${name} by keys` })).toBeVisible()
  await menu.getByRole('combobox', { name: 'Find a view' }).focus()
  await page.keyboard.press('Tab')
  await page.keyboard.press('Tab')
  await page.keyboard.press('Tab')
  await expect(menu.getByRole('button', { name: 'Delete' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(menu.getByRole('button', { name: 'Undo' })).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(menu).toBeHidden()
})

test('the pointer picks a view’s actions with ⋯, and a rename that re-sorts the list keeps them with it', async ({
  page,
}) => {
  const first = uniqueName('Aaa first')
  const other = uniqueName('Aab other')
  await openBoard(page)
  await saveView(page, first)
  await saveView(page, other)
  await saveView(page, uniqueName('Aac third'))
  const menu = await openViewsByKey(page)
  const row = menu.getByRole('listbox').getByRole('option', { name: other })
  await row.locator('.views-menu__more').click()
  await expect(row).toHaveAttribute('aria-selected', 'true')
  const actions = menu.getByRole('group', { name: `Manage “${other}”` })
  await actions.getByRole('button', { name: 'Rename' }).click()
  await actions.getByLabel('New name').fill(`Zzz ${other}`)
  await actions.getByRole('button', { name: 'Save name' }).click()
  await expect(menu.getByRole('group', { name: `Manage “Zzz ${other}”` })).toBeVisible()
  await expect(menu.getByRole('listbox').getByRole('option', { name: `Zzz ${other}` })).toHaveAttribute(
    'aria-selected',
    'true',
  )
})

test('a team view changes only after Unlock to edit, and a colleague sees the change', async ({
  page,
  browser,
  baseURL,
}) => {
  const name = uniqueName('Unassigned urgent')
  await openBoard(page, '/tasks?tab=all&priority=urgent')
  await saveView(page, name, { scope: 'Team views' })

  const { menu, actions } = await actionsOf(page, name)
  await expect(actions).toContainText('Team view: locked.')
  await expect(actions.getByRole('button', { name: 'Rename' })).toHaveCount(0)
  await expect(actions.getByRole('button', { name: 'Delete' })).toHaveCount(0)
  await actions.getByRole('button', { name: 'Unlock to edit' }).click()
  await expect(actions).toContainText('Unlocked: changes apply to the whole team.')
  await actions.getByRole('button', { name: 'Rename' }).click()
  await actions.getByLabel('New name').fill(`${name} (team)`)
  await actions.getByRole('button', { name: 'Save name' }).click()
  await expect(menu.getByRole('option', { name: `${name} (team)` })).toBeVisible()
  await page.keyboard.press('Escape')

  const colleague = await browser.newContext({ baseURL })
  try {
    const other = await colleague.newPage()
    await openBoard(other)
    const otherMenu = await openViewsByKey(other)
    await expect(
      otherMenu.getByRole('group', { name: 'Team views' }).getByRole('option', { name: `${name} (team)` }),
    ).toBeVisible()
  } finally {
    await colleague.close()
  }
})

test('the board’s Update view of a team view asks to unlock it first', async ({ page }) => {
  const name = uniqueName('Team in review')
  await openBoard(page, '/tasks?tab=in_review')
  await saveView(page, name, { scope: 'Team views' })
  await openViewsByKey(page)
  await page.keyboard.type(name)
  await page.keyboard.press('Enter')
  await page.getByRole('tab', { name: /^Open/ }).click()
  await expect(page.getByText(`Modified from “${name}”`)).toBeVisible()
  await expect(page.getByRole('button', { name: 'Update view' })).toHaveCount(0)
  await page.getByRole('button', { name: 'Unlock to edit' }).click()
  await page.getByRole('button', { name: 'Update view' }).click()
  await expect(page.getByText(`Modified from “${name}”`)).toBeHidden()
})

test('history lists earlier versions and restores one', async ({ page }) => {
  const name = uniqueName('Boilers')
  await openBoard(page, '/tasks?q=boiler')
  await saveView(page, name)
  const { menu, actions } = await actionsOf(page, name)
  await actions.getByRole('button', { name: 'Rename' }).click()
  await actions.getByLabel('New name').fill(`${name} v2`)
  await actions.getByRole('button', { name: 'Save name' }).click()
  const renamed = menu.getByRole('group', { name: `Manage “${name} v2”` })
  await renamed.getByRole('button', { name: 'History' }).click()
  const history = renamed.getByRole('region', { name: `Earlier versions of “${name} v2”` })
  await expect(history).toContainText('Now: saved by')
  const first = history.getByRole('listitem').filter({ hasText: `Version 1: “${name}”` })
  await expect(first).toContainText('Active, 1 filter')
  await expect(first).toContainText('by ')
  await first.getByRole('button', { name: `Restore Version 1: “${name}”` }).click()
  await expect(menu.getByRole('status')).toHaveText('Version 1 is the current one again.')
  await expect(menu.getByRole('option', { name })).toBeVisible()
  await expect(menu.getByRole('option', { name: `${name} v2` })).toHaveCount(0)
})

test('a stale edit in a second browser offers Reload and Save as new', async ({
  page,
  browser,
  baseURL,
  consoleErrors,
}) => {
  test.setTimeout(60_000)
  consoleErrors.allow(/status of 409/)
  const name = uniqueName('Shared queue')
  await openBoard(page, '/tasks?tab=open')
  await saveView(page, name, { scope: 'Team views' })

  const colleague = await browser.newContext({ baseURL })
  try {
    const other = await colleague.newPage()
    await openBoard(other)
    const theirs = await actionsOf(other, name)
    await theirs.actions.getByRole('button', { name: 'Unlock to edit' }).click()
    await theirs.actions.getByRole('button', { name: 'Rename' }).click()
    await theirs.actions.getByLabel('New name').fill(`${name} stale`)

    const mine = await actionsOf(page, name)
    await mine.actions.getByRole('button', { name: 'Unlock to edit' }).click()
    await mine.actions.getByRole('button', { name: 'Rename' }).click()
    await mine.actions.getByLabel('New name').fill(`${name} first`)
    await mine.actions.getByRole('button', { name: 'Save name' }).click()
    await expect(mine.menu.getByRole('option', { name: `${name} first` })).toBeVisible()

    // The colleague's save refreshed the list: these are the same view's actions, under its new name.
    const their = theirs.menu.getByRole('group', { name: /^Manage “/ })
    await their.getByRole('button', { name: 'Save name' }).click()
    const choice = their.getByRole('alert')
    await expect(choice).toContainText(`“${name} first” was changed by`)
    await choice.getByRole('button', { name: 'Reload' }).click()
    await expect(theirs.menu.getByRole('option', { name: `${name} first` })).toBeVisible()
    await expect(their.getByLabel('New name')).toHaveValue(`${name} stale`)
    await expect(their.getByRole('alert')).toHaveCount(0)

    // The first browser changes it once more; the second's edit is stale again and is kept as a view of its own.
    const my = mine.menu.getByRole('group', { name: /^Manage “/ })
    await my.getByRole('button', { name: 'Rename' }).click()
    await mine.menu.getByLabel('New name').fill(`${name} second`)
    await mine.menu.getByRole('button', { name: 'Save name' }).click()
    await expect(mine.menu.getByRole('option', { name: `${name} second` })).toBeVisible()
    await their.getByRole('button', { name: 'Save name' }).click()
    await their.getByRole('alert').getByRole('button', { name: 'Save as new' }).click()
    const saveAsNew = their.getByRole('form', { name: 'Save view' })
    await expect(saveAsNew.getByLabel('Name')).toHaveValue(`${name} stale`)
    await saveAsNew.getByRole('button', { name: 'Save view' }).click()
    // The edit is now a personal view of its own, beside the colleague's team view.
    await theirs.menu.getByRole('combobox', { name: 'Find a view' }).fill(name)
    await expect(theirs.menu.getByRole('option', { name: `${name} stale` })).toBeVisible()
    await expect(theirs.menu.getByRole('option', { name: `${name} second` })).toBeVisible()
  } finally {
    await colleague.close()
  }
})

test('hostile names stay text in the actions, the history and the trash', async ({ page }) => {
  const name = `<img src=x onerror="window.hacked=1"> ${uniqueName('Hostile')}`
  await openBoard(page)
  await saveView(page, name)
  const { menu, actions } = await actionsOf(page, name)
  await expect(actions.locator('.view-actions__title')).toHaveText(name)
  await actions.getByRole('button', { name: 'History' }).click()
  await expect(actions.getByRole('region', { name: `Earlier versions of “${name}”` })).toBeVisible()
  await actions.getByRole('button', { name: 'Delete' }).click()
  await menu.getByRole('button', { name: 'Trash' }).click()
  await expect(menu.getByRole('region', { name: 'Deleted views, kept for 30 days' })).toContainText(name)
  expect(await page.locator('.views-menu__panel img').count()).toBe(0)
  expect(await page.evaluate(() => (window as { hacked?: number }).hacked)).toBeUndefined()
})

test('the view actions speak German', async ({ page }) => {
  const name = uniqueName('Deutsch')
  await openBoard(page)
  await saveView(page, name, { scope: 'Team views' })
  await page.getByRole('combobox', { name: 'Language' }).selectOption('de')
  await page.getByRole('button', { name: 'Ansichten' }).click()
  const menu = page.getByRole('dialog', { name: 'Gespeicherte Ansichten' })
  await menu.getByRole('combobox', { name: 'Ansicht suchen' }).fill(name)
  const actions = menu.getByRole('group', { name: `„${name}“ verwalten` })
  await expect(actions).toContainText('Team-Ansicht: gesperrt.')
  await actions.getByRole('button', { name: 'Zum Bearbeiten entsperren' }).click()
  await expect(actions.getByRole('button', { name: 'Umbenennen' })).toBeVisible()
  await expect(actions.getByRole('button', { name: 'Duplizieren' })).toBeVisible()
  await expect(actions.getByRole('button', { name: 'Löschen' })).toBeVisible()
  await expect(actions.getByRole('button', { name: 'Verlauf' })).toBeVisible()
  await expect(menu.getByRole('button', { name: 'Papierkorb' })).toBeVisible()
})

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the menu with its view actions open has no accessibility violations (${colorScheme})`, async ({ page }) => {
    // Two full axe passes, at two widths.
    test.setTimeout(60_000)
    await page.emulateMedia({ colorScheme })
    const name = uniqueName('Axe actions')
    await openBoard(page)
    await saveView(page, name, { scope: 'Team views' })
    const { menu, actions } = await actionsOf(page, name)
    await actions.getByRole('button', { name: 'Unlock to edit' }).click()
    await actions.getByRole('button', { name: 'Rename' }).click()
    await actions.getByRole('button', { name: 'History' }).click()
    await actions.getByRole('button', { name: 'Rename' }).click()
    await actions.getByRole('button', { name: 'Save name' }).click()
    await actions.getByRole('button', { name: 'History' }).click()
    await menu.getByRole('button', { name: 'Trash' }).click()
    await expect(menu.getByRole('region', { name: 'Deleted views, kept for 30 days' })).toBeVisible()
    expect(await axeViolations(page)).toEqual([])
    await page.screenshot({ path: test.info().outputPath(`views-actions-${colorScheme}-1280.png`) })
    await page.setViewportSize({ width: 390, height: 844 })
    await page.screenshot({ path: test.info().outputPath(`views-actions-${colorScheme}-390.png`), fullPage: true })
    expect(await axeViolations(page)).toEqual([])
  })
}

test('with the database out of reach the menu says so, a save keeps what was typed, and the board works', async ({
  browser,
}) => {
  test.setTimeout(60_000)
  // Nothing listens on port 9: every attempt to open the store fails, as with a database that is down.
  const server = await startAppProcess({ env: { DATABASE_URL: 'postgres://postgres@127.0.0.1:9/postgres' } })
  const context = await browser.newContext({ baseURL: server.url })
  try {
    const page = await context.newPage()
    // This page is not the fixture's: its console is watched here, where each 503 is expected.
    const errors: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error' && !/status of 503/.test(message.text())) errors.push(message.text())
    })
    page.on('pageerror', (error) => errors.push(`Uncaught: ${error.message}`))
    await openBoard(page, '/tasks?tab=open')
    const menu = await openViewsByKey(page)
    await expect(menu.getByRole('alert')).toContainText(
      'Saved views are unavailable right now; the board keeps working.',
    )
    const form = menu.getByRole('form', { name: 'Save view' })
    await form.getByLabel('Name').fill('Kept while the store is down')
    await form.getByRole('button', { name: 'Save view' }).click()
    await expect(form.getByRole('alert')).toContainText('The view was not saved; what you typed is kept.')
    await expect(form.getByRole('alert')).toContainText('the database cannot be reached')
    await expect(form.getByLabel('Name')).toHaveValue('Kept while the store is down')
    await menu.getByRole('button', { name: 'Trash' }).click()
    await expect(
      menu.getByRole('region', { name: 'Deleted views, kept for 30 days' }).getByRole('alert'),
    ).toContainText('the database cannot be reached')
    await page.keyboard.press('Escape')
    await page.getByRole('tab', { name: /^New/ }).click()
    await expect(page).toHaveURL(/tab=new/)
    await expect(page.getByTestId('task-row').first()).toBeVisible()
    expect(errors).toEqual([])
  } finally {
    await context.close()
    await server.stop()
  }
})
