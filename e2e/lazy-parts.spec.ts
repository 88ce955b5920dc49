import type { Page, Route } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import { axeViolations } from './support/axe-violations.ts'
import { firstRowMarked, markFirstRow, scriptLoads as scripts, scriptPaths as paths } from './support/script-loads.ts'
import { startDemoApi } from './support/start-demo-api.ts'
import { startAppProcess } from '../server/testing/start-app.ts'

/** The scripts index.html names: the first download. */
async function firstDownload(page: Page): Promise<string[]> {
  const html = await (await page.request.get('/tasks')).text()
  return [...html.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((match) => match[1]!)
}

const VIEWS = /\/views-menu-[^/]*\.js(\?.*)?$/

test('the first 50-row view loads only index.html’s scripts; each feature fetches its code when used', async ({
  page,
}) => {
  await markFirstRow(page)
  await page.goto('/tasks?size=50')
  await expect(page.getByTestId('task-row').first()).toBeVisible()
  expect(await firstRowMarked(page)).toBe(true)
  const initial = await firstDownload(page)
  expect(initial.length).toBeGreaterThan(0)
  const beforeRows = (await scripts(page)).filter((script) => script.beforeRows).map((script) => script.path)
  expect(beforeRows.toSorted()).toEqual(initial.toSorted())

  // Tab counts: their calls and schemas come with the first count request, after the rows.
  await expect(page.getByRole('tab', { name: /^Active \d/ })).toBeVisible()
  expect(await paths(page)).toMatch(/\/figures-api-/)
  // Once the page is idle the filter lists and the task panel are fetched ahead of use; the views,
  // the sign-in form, the view status and the workload page are not.
  await expect.poll(() => paths(page)).toMatch(/task-detail-panel/)
  expect(await paths(page)).not.toMatch(/views-menu-|view-status-|session-list-error-|workload-page-|\/de-/)

  // Saved views: pressing `v` fetches the panel.
  await page.keyboard.press('v')
  await expect(page.getByRole('dialog', { name: 'Saved views' })).toBeVisible()
  expect(await paths(page)).toMatch(/views-menu-/)
  await page.keyboard.press('Escape')
  await expect(page.getByRole('button', { name: 'Views' })).toBeFocused()

  // The workload: fetched when the page is opened.
  await page.getByRole('link', { name: 'Workload' }).click()
  await expect(page.getByRole('heading', { name: 'Workload' })).toBeVisible()
  expect(await paths(page)).toMatch(/workload-page-/)
})

test('v pressed before the views code has arrived opens the panel once it is there', async ({ page }) => {
  let release = () => {}
  const released = new Promise<void>((resolve) => (release = resolve))
  await page.route(VIEWS, async (route: Route) => {
    await released
    await route.continue()
  })
  await page.goto('/tasks')
  await expect(page.getByTestId('task-row').first()).toBeVisible()
  const button = page.getByRole('button', { name: 'Views' })
  await expect(button).toHaveAttribute('aria-keyshortcuts', 'v')
  await page.keyboard.press('v')
  await expect(button).toHaveAttribute('aria-busy', 'true')
  await expect(page.getByRole('dialog')).toHaveCount(0)

  release()
  await expect(page.getByRole('dialog', { name: 'Saved views' })).toBeVisible()
  await expect(page.getByRole('combobox', { name: 'Find a view' })).toBeFocused()
})

test('a keyboard user on the stand-in Views button keeps the focus when the real one replaces it', async ({ page }) => {
  let release = () => {}
  const released = new Promise<void>((resolve) => (release = resolve))
  let asked = 0
  await page.route(VIEWS, async (route: Route) => {
    asked++
    await released
    await route.continue()
  })
  await page.goto('/tasks')
  await expect(page.getByTestId('task-row').first()).toBeVisible()
  const button = page.getByRole('button', { name: 'Views' })
  await button.focus()
  // Focus is intent: the code is asked for, nothing opens by itself.
  await expect.poll(() => asked).toBe(1)
  release()
  await expect.poll(() => paths(page)).toMatch(/views-menu-/)
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await expect(button).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('dialog', { name: 'Saved views' })).toBeVisible()
})

test('views code that cannot be fetched says so, the board keeps working, and the next press tries again', async ({
  page,
  consoleErrors,
}) => {
  consoleErrors.allow(/views-menu|Failed to load resource|dynamically imported module/)
  let offline = true
  await page.route(VIEWS, (route) => (offline ? route.abort('internetdisconnected') : route.continue()))
  await page.goto('/tasks')
  await expect(page.getByTestId('task-row').first()).toBeVisible()
  await page.getByRole('button', { name: 'Views' }).click()
  await expect(page.getByRole('alert')).toContainText('Saved views could not be loaded.')
  await expect(page.getByRole('dialog')).toHaveCount(0)
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme })
    expect(await axeViolations(page)).toEqual([])
  }
  // Esc puts the note away, as it would the panel.
  await page.keyboard.press('Escape')
  await expect(page.getByRole('alert')).toHaveCount(0)

  await page.getByRole('tab', { name: /^All/ }).click()
  await expect(page).toHaveURL(/tab=all/)
  await expect(page.getByTestId('task-row').first()).toBeVisible()

  offline = false
  await page.getByRole('button', { name: 'Views' }).click()
  await expect(page.getByRole('dialog', { name: 'Saved views' })).toBeVisible()
  await expect(page.getByText('Saved views could not be loaded.')).toHaveCount(0)
})

test('a sign-in form whose code cannot be fetched leaves the 401 in place with a word on why, and Retry brings the form', async ({
  page,
  consoleErrors,
}) => {
  // A board without a server-side key: the list answers 401 until someone signs in.
  test.setTimeout(60_000)
  consoleErrors.allow(/session-list-error|Failed to load resource|dynamically imported module/)
  const demoApi = await startDemoApi({ DEMO_API_KEY: 'lazy-test:s3cret' })
  const keyless = await startAppProcess({ mode: 'personal-key', upstream: `${demoApi.url}/v2` })
  try {
    let offline = true
    await page.route(/\/assets\/session-list-error-[^/]*\.js(\?.*)?$/, (route) =>
      offline ? route.abort('internetdisconnected') : route.continue(),
    )
    await page.goto(`${keyless.url}/tasks`)
    await expect(page.getByText('The sign-in form could not be loaded.')).toBeVisible({ timeout: 30_000 })
    await expect(page.getByRole('alert').getByRole('button', { name: 'Retry' })).toBeVisible()
    await expect(page.getByLabel('API key', { exact: true })).toHaveCount(0)

    offline = false
    await page.getByRole('button', { name: 'Retry' }).click()
    await expect(page.getByText('Sign in with your API key to see the tasks.')).toBeVisible({ timeout: 30_000 })
    await expect(page.getByLabel('API key', { exact: true })).toBeVisible()
  } finally {
    await keyless.stop()
    await demoApi.stop()
  }
})
