import { expect, type Locator, type Page } from '@playwright/test'

let counter = 0
/** Names unique per run: the worker's app server keeps its views across tests. */
export function uniqueName(label: string): string {
  counter += 1
  return `${label} ${Date.now().toString(36)}-${counter}`
}

/** Opens the views menu with its shortcut; the filter field has the focus. */
export async function openViewsByKey(page: Page): Promise<Locator> {
  await page.locator('body').press('v')
  const menu = page.getByRole('dialog', { name: 'Saved views' })
  await expect(menu).toBeVisible()
  await expect(menu.getByRole('combobox', { name: 'Find a view' })).toBeFocused()
  return menu
}

/** Saves the board's current URL as a view from the menu, and closes the menu. */
export async function saveView(page: Page, name: string, scope: 'My views' | 'Team views' = 'My views') {
  const menu = await openViewsByKey(page)
  const form = menu.getByRole('form', { name: 'Save view' })
  await form.getByLabel('Name').fill(name)
  await form.getByLabel('For').selectOption({ label: scope })
  await form.getByRole('button', { name: 'Save view' }).click()
  await expect(form.getByRole('status')).toHaveText('Saved.')
  await expect(menu.getByRole('option', { name })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(menu).toBeHidden()
}

/** Opens the menu and finds `name` by typing it: the one match is highlighted, its actions shown. */
export async function actionsOf(page: Page, name: string): Promise<{ menu: Locator; actions: Locator }> {
  const menu = await openViewsByKey(page)
  await page.keyboard.type(name)
  await expect(menu.getByRole('listbox').getByRole('option')).toHaveCount(1)
  const actions = menu.getByRole('group', { name: `Manage “${name}”` })
  await expect(actions).toBeVisible()
  return { menu, actions }
}

/** The board at `url`, its first rows shown. */
export async function openBoard(page: Page, url = '/tasks') {
  await page.goto(url)
  await expect(page.getByTestId('task-row').first()).toBeVisible()
}
