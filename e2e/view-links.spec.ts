import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import { axeViolations } from './support/axe-violations.ts'
import {
  boardWriteHeaders,
  clearDefaultView,
  openViewsByKey,
  saveView,
  uniqueName,
  viewIdByName,
} from './support/saved-views.ts'
import { startDemoApi } from './support/start-demo-api.ts'
import { startAppProcess } from '../server/testing/start-app.ts'

test.afterEach(async ({ request, baseURL }) => clearDefaultView(request, baseURL!))

test('a bare /tasks opens the default view without asking for the unfiltered board; Back leaves; parameters win', async ({
  page,
}) => {
  const name = uniqueName('Default urgent')
  await page.goto('/tasks?tab=all&priority=urgent')
  await expect(page.getByTestId('task-row').first()).toBeVisible()
  await saveView(page, name)
  await page.getByRole('button', { name: 'Make default' }).click()
  await expect(page.getByText(`View “${name}” · your default view`)).toBeVisible()
  await expect(page.getByRole('button', { name: 'Remove default' })).toBeVisible()

  const listRequests: string[] = []
  page.on('request', (request) => {
    const url = new URL(request.url())
    if (url.pathname === '/api/tasks/') listRequests.push(url.search)
  })
  await page.goto('/elsewhere')
  await page.goto('/tasks')
  await expect(page).toHaveURL(/\/tasks\?tab=all&priority=urgent$/)
  await expect(page.getByTestId('task-row').first()).toBeVisible()
  await expect(page.getByText(`View “${name}” · your default view`)).toBeVisible()
  expect(listRequests.length).toBeGreaterThan(0)
  for (const search of listRequests) expect(new URLSearchParams(search).get('priority')).toBe('urgent')

  await page.goBack()
  await expect(page).toHaveURL(/\/elsewhere$/)

  await page.goto('/tasks?tab=open')
  await expect(page.getByTestId('task-row').first()).toBeVisible()
  await expect(page).toHaveURL(/\/tasks\?tab=open$/)
  // The Active tab is a bare /tasks the board wrote itself: it stays the unfiltered board.
  await page.getByRole('tab', { name: /^Active/ }).click()
  await expect(page).toHaveURL(/\/tasks$/)
  await expect(page.locator('table.tasks-table')).toHaveAttribute('aria-busy', 'false')
  await expect(page).toHaveURL(/\/tasks$/)

  await page.goto('/tasks?tab=all&priority=urgent')
  await page.getByRole('button', { name: 'Remove default' }).click()
  await expect(page.getByRole('button', { name: 'Make default' })).toBeVisible()
  await page.goto('/tasks')
  await expect(page.getByTestId('task-row').first()).toBeVisible()
  await expect(page).toHaveURL(/\/tasks$/)
})

test('the views menu marks the default view, in words a screen reader reads, in English and German', async ({
  page,
}) => {
  const chosen = uniqueName('Default marked')
  const other = uniqueName('Plain open')
  await page.goto('/tasks?tab=open')
  await expect(page.getByTestId('task-row').first()).toBeVisible()
  await saveView(page, other)
  await page.goto('/tasks?tab=all&priority=high')
  await expect(page.getByTestId('task-row').first()).toBeVisible()
  await saveView(page, chosen)
  await page.getByRole('button', { name: 'Make default' }).click()
  await expect(page.getByRole('button', { name: 'Remove default' })).toBeVisible()

  let menu = await openViewsByKey(page)
  const marked = menu.getByRole('option', { name: chosen })
  await expect(marked).toHaveAccessibleName(new RegExp(`^${chosen} default current\\b`))
  await expect(marked).toContainText('· default')
  await expect(menu.getByRole('option', { name: other })).not.toHaveAccessibleName(/default/)
  await page.keyboard.press('Escape')

  await page.getByRole('combobox', { name: 'Language' }).selectOption('de')
  await page.getByRole('button', { name: 'Ansichten' }).click()
  menu = page.getByRole('dialog', { name: 'Gespeicherte Ansichten' })
  await expect(menu.getByRole('option', { name: chosen })).toHaveAccessibleName(
    new RegExp(`^${chosen} Standard aktuell\\b`),
  )
  await page.keyboard.press('Escape')
  await page.getByRole('combobox', { name: 'Sprache' }).selectOption('en')

  await page.getByRole('button', { name: 'Remove default' }).click()
  await expect(page.getByRole('button', { name: 'Make default' })).toBeVisible()
  menu = await openViewsByKey(page)
  await expect(menu.getByRole('option', { name: chosen })).toHaveAccessibleName(new RegExp(`^${chosen} current\\b`))
})

test('a short link redirects to the view’s URL', async ({ page, request, baseURL }) => {
  const name = uniqueName('Short in review')
  await page.goto('/tasks?tab=in_review&size=25')
  await expect(page.getByTestId('task-row').first()).toBeVisible()
  await saveView(page, name)
  const id = await viewIdByName(request, baseURL!, name)
  await page.goto('/elsewhere')
  await page.goto(`/v/${id}`)
  await expect(page).toHaveURL(/\/tasks\?tab=in_review&size=25$/)
  await expect(page.getByTestId('task-row').first()).toBeVisible()
  await page.goBack()
  await expect(page).toHaveURL(/\/elsewhere$/)
})

test('a short link to a view that is gone says so in the board’s words, with the way to the board', async ({
  page,
  consoleErrors,
}) => {
  consoleErrors.allow(/status of 404/)
  await page.goto('/v/no-such-view')
  await expect(
    page.getByRole('heading', { name: 'This saved view does not exist, or it is not shared with you.' }),
  ).toBeVisible()
  await page.getByRole('link', { name: /board|tasks/i }).click()
  await expect(page).toHaveURL(/\/tasks/)
})

test('a view whose link is over 2,000 characters offers its short link, and copies it', async ({
  page,
  context,
  request,
  baseURL,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  const customers = Array.from({ length: 90 }, (_, index) => index.toString(16).padStart(24, 'a')).join(',')
  await page.goto(`/tasks?tab=all&customer=${customers}`)
  await expect(page.locator('table.tasks-table')).toHaveAttribute('aria-busy', 'false')
  await expect(page.getByRole('button', { name: 'Copy short link' })).toHaveCount(0)
  await expect(
    page.getByText(/This link has 2,\d{3} characters; .* Save it as a view to get a short link\./),
  ).toBeVisible()
  const name = uniqueName('Many customers')
  await saveView(page, name)
  const id = await viewIdByName(request, baseURL!, name)
  await expect(page.getByText(/This link has 2,\d{3} characters; some proxies refuse links that long\./)).toBeVisible()
  await page.getByRole('button', { name: 'Copy short link' }).click()
  await expect(page.getByRole('button', { name: 'Link copied' })).toBeVisible()
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}/v/${id}`)
  // The board's own link stays what Copy link copies.
  await page.getByRole('button', { name: 'Copy link', exact: true }).click()
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(`customer=`)

  await page.goto('/tasks')
  await page.getByRole('combobox', { name: 'Language' }).selectOption('de')
  await page.goto(`/v/${id}`)
  await expect(page.getByRole('button', { name: 'Kurzlink kopieren' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Als Standard festlegen' })).toBeVisible()
  await expect(page.getByText(/Dieser Link hat 2\.\d{3} Zeichen/)).toBeVisible()
})

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the current view's actions have no accessibility violations (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme })
    const customers = Array.from({ length: 90 }, (_, index) => index.toString(16).padStart(24, 'b')).join(',')
    await page.goto(`/tasks?tab=all&customer=${customers}`)
    await expect(page.locator('table.tasks-table')).toHaveAttribute('aria-busy', 'false')
    await saveView(page, uniqueName('Axe links'))
    await page.getByRole('button', { name: 'Make default' }).click()
    await expect(page.getByRole('button', { name: 'Remove default' })).toBeVisible()
    await expect(page.getByRole('button', { name: 'Copy short link' })).toBeVisible()
    expect(await axeViolations(page)).toEqual([])
  })
}

test('signed out, a short link asks for the personal key and then lands on the view', async ({
  page,
  consoleErrors,
}) => {
  // Its own upstream and a keyless app server: personal-key mode.
  test.setTimeout(60_000)
  // A separate demo API serves no pictures on the board's origin.
  consoleErrors.allow(/status of 404/)
  const key = 'short-link-test:s3cret'
  const demoApi = await startDemoApi({ DEMO_API_KEY: key })
  const keyless = await startAppProcess({ mode: 'personal-key', upstream: `${demoApi.url}/v2` })
  try {
    const signIn = await fetch(`${keyless.url}/app/session`, {
      method: 'POST',
      headers: boardWriteHeaders(keyless.url),
      body: JSON.stringify({ apiKey: key }),
    })
    expect(signIn.status).toBe(201)
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!
    const saved = await fetch(`${keyless.url}/app/views`, {
      method: 'POST',
      headers: boardWriteHeaders(keyless.url, cookie),
      body: JSON.stringify({ name: 'Open, by due date', query: 'tab=open&sort=dueDate:asc' }),
    })
    expect(saved.status).toBe(201)
    const { id } = (await saved.json()) as { id: string }

    await page.goto(`${keyless.url}/elsewhere`)
    await page.goto(`${keyless.url}/v/${id}`)
    await expect(page.getByText('Sign in with your API key to see the tasks.')).toBeVisible()
    await expect(page).toHaveURL(new RegExp(`/v/${id}$`))
    await page.getByLabel('API key', { exact: true }).fill(key)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect(page).toHaveURL(/\/tasks\?tab=open&sort=dueDate:asc$/)
    await expect(page.getByTestId('task-row').first()).toBeVisible()
    await expect(page.getByText('View “Open, by due date”')).toBeVisible()
    await page.goBack()
    await expect(page).toHaveURL(/\/elsewhere$/)
  } finally {
    await keyless.stop()
    await demoApi.stop()
  }
})

test('a view saved with its columns, widths and density puts them back when opened; one saved without leaves them', async ({
  page,
}) => {
  const withPrefs = uniqueName('With columns')
  const without = uniqueName('Without columns')
  await page.goto('/tasks?tab=all&priority=high')
  await expect(page.getByTestId('task-row').first()).toBeVisible()
  await setColumns(page, { customer: true, email: true, density: 'Compact' })
  await setAssigneeWidth(page, ['Shift+ArrowRight', 'Shift+ArrowRight'], '14')
  await saveView(page, withPrefs, { includePrefs: true })
  await page.goto('/tasks?tab=open')
  await expect(page.getByTestId('task-row').first()).toBeVisible()
  await setColumns(page, { customer: false, email: false, density: 'Comfortable' })
  await setAssigneeWidth(page, ['Home'], '6')
  await saveView(page, without)
  await expect(page.locator('table.tasks-table--comfortable')).toBeVisible()

  let menu = await openViewsByKey(page)
  await page.keyboard.type(withPrefs)
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/\/tasks\?tab=all&priority=high$/)
  await expect(page.getByRole('columnheader', { name: 'Customer' })).toBeVisible()
  await expect(page.getByRole('columnheader', { name: 'Email' })).toBeVisible()
  await expect(page.locator('table.tasks-table--compact')).toBeVisible()
  await expect(assigneeWidth(page)).toHaveAttribute('aria-valuenow', '14')
  expect(
    await page
      .getByRole('columnheader', { name: 'Assignee' })
      .evaluate((cell) => Math.round(cell.getBoundingClientRect().width)),
  ).toBe(14 * 16)

  menu = await openViewsByKey(page)
  await page.keyboard.type(without)
  await page.keyboard.press('Enter')
  await expect(menu).toBeHidden()
  await expect(page).toHaveURL(/\/tasks\?tab=open$/)
  await expect(page.getByRole('columnheader', { name: 'Customer' })).toBeVisible()
  await expect(page.locator('table.tasks-table--compact')).toBeVisible()
  await expect(assigneeWidth(page)).toHaveAttribute('aria-valuenow', '14')
})

const assigneeWidth = (page: Page) => page.getByRole('separator', { name: 'Width of column Assignee' })

async function setAssigneeWidth(page: Page, keys: string[], rem: string) {
  await assigneeWidth(page).focus()
  for (const key of keys) await page.keyboard.press(key)
  await expect(assigneeWidth(page)).toHaveAttribute('aria-valuenow', rem)
}

async function setColumns(
  page: Page,
  { customer, email, density }: { customer: boolean; email: boolean; density: 'Compact' | 'Comfortable' },
) {
  await page.getByRole('button', { name: 'Columns' }).click()
  for (const [name, shown] of [
    ['Customer', customer],
    ['Email', email],
  ] as const) {
    const item = page.getByRole('menuitemcheckbox', { name })
    if ((await item.getAttribute('aria-checked')) !== String(shown)) await item.click()
    await expect(item).toHaveAttribute('aria-checked', String(shown))
  }
  await page.getByRole('menuitemradio', { name: density }).click()
  await page.keyboard.press('Escape')
}
