import type { APIRequestContext, Locator, Page } from '@playwright/test'
import { expect, expectAppRunning } from '../fixtures.ts'

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
export async function saveView(
  page: Page,
  name: string,
  { scope = 'My views', includePrefs = false }: { scope?: 'My views' | 'Team views'; includePrefs?: boolean } = {},
) {
  const menu = await openViewsByKey(page)
  const form = menu.getByRole('form', { name: 'Save view' })
  await form.getByLabel('Name').fill(name)
  await form.getByLabel('For').selectOption({ label: scope })
  if (includePrefs) await form.getByLabel('Include columns, widths and density').check()
  await form.getByRole('button', { name: 'Save view' }).click()
  await expect(form.getByRole('status')).toHaveText('Saved.')
  await expect(menu.getByRole('option', { name })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(menu).toBeHidden()
}

/** The board's write headers, for calls a test makes itself. */
export function boardWriteHeaders(origin: string, cookie?: string): Record<string, string> {
  return {
    origin,
    'x-task-board': '1',
    'content-type': 'application/json',
    ...(cookie ? { cookie } : {}),
  }
}

/** A saved view's id, by name, as the views API lists it. */
export async function viewIdByName(request: APIRequestContext, origin: string, name: string): Promise<string> {
  const list = (await (await request.get(`${origin}/app/views`)).json()) as { views: { id: string; name: string }[] }
  const view = list.views.find((candidate) => candidate.name === name)
  expect(view, `a saved view named ${name}`).toBeDefined()
  return view!.id
}

/** No default view: the worker's app server is shared by every spec, which mostly open a bare `/tasks`. */
export async function clearDefaultView(request: APIRequestContext, origin: string): Promise<void> {
  const answer = await request.put(`${origin}/app/default-view`, {
    headers: boardWriteHeaders(origin),
    data: { viewId: null },
  })
  expect(answer.status()).toBe(200)
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
  await expectAppRunning(page)
}
