import type { APIRequestContext, Page } from '@playwright/test'
import { expect } from '../fixtures.ts'

let counter = 0
/** Names unique per run: the worker's app server keeps its views across tests. */
export function uniqueName(label: string): string {
  counter += 1
  return `${label} ${Date.now().toString(36)}-${counter}`
}

export async function openViewsByKey(page: Page) {
  await page.locator('body').press('v')
  const menu = page.getByRole('dialog', { name: 'Saved views' })
  await expect(menu).toBeVisible()
  return menu
}

/** Saves the board's URL under `name` through the views menu and closes it. */
export async function saveView(page: Page, name: string, { includePrefs = false } = {}) {
  const menu = await openViewsByKey(page)
  await menu.getByLabel('Name').fill(name)
  if (includePrefs) await menu.getByLabel('Include columns and density').check()
  await menu.getByRole('button', { name: 'Save view' }).click()
  await expect(menu.getByRole('status')).toHaveText('Saved.')
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
