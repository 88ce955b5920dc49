import type { Page, Route } from '@playwright/test'
import { withHandingOverServer } from './support/handing-over-server.ts'
import { expect, expectAppRunning, expectTaskRows } from './fixtures.ts'

// Its default zone is UTC, so a browser elsewhere that has not said its zone gets the server's guess first. It
// waits long for the answer: on a loaded machine a 1,000-row answer can take longer than the default 400 ms, and a
// page without its first screen is not what these tests look at (the bound is tested in server/first-view/).
const test = withHandingOverServer({ TZ: 'UTC', FIRST_VIEW_WAIT_MS: '10000' })

test.use({ locale: 'en-US', timezoneId: 'UTC' })

const WIRE_25 = new URLSearchParams({
  limit: '25',
  offset: '0',
  sort: '{"by":"status.createdAt","direction":-1}',
  taskStatus: 'new,open,in_progress,in_review',
})

interface WireTask {
  title: string
  dueDate: string | number | null
}

/** Holds the board's scripts back until `release`: what shows meanwhile is the page as the server sent it. */
async function holdScripts(page: Page): Promise<() => void> {
  let release!: () => void
  const held = new Promise<void>((resolve) => (release = resolve))
  await page.route('**/assets/*.js', async (route: Route) => {
    await held
    await route.continue()
  })
  return release
}

/** The board has taken over, and its pager knows the next page, which only the board's own code asks for. */
async function expectBoardRunning(page: Page, next = 'Next'): Promise<void> {
  await expectAppRunning(page)
  await expect(page.getByRole('button', { name: next })).toBeEnabled()
}

/** The first row on screen, to tell later whether React kept it (took the markup over) or built its own. */
function firstRow(page: Page) {
  return page.evaluateHandle(() => document.querySelector('[data-testid="task-row"]'))
}

function dueInZone(task: WireTask, timeZone: string): string {
  const due = typeof task.dueDate === 'number' ? task.dueDate : Date.parse(String(task.dueDate))
  return new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(due)
}

test('the first screen comes in the page: its rows show before the scripts run, and the board takes them over', async ({
  page,
  request,
}) => {
  const tasks = (await (await request.get(`/api/tasks/?${WIRE_25}`)).json()) as WireTask[]
  const release = await holdScripts(page)
  await page.goto('/tasks?size=25', { waitUntil: 'commit' })
  const rows = page.getByTestId('task-row')
  await expect(rows.first()).toContainText(tasks[0]!.title)
  await expect(page.getByRole('heading', { name: 'Tasks' })).toBeVisible()
  const shown = await firstRow(page)
  release()
  await expectBoardRunning(page)
  // The same element: React adopted the server's markup instead of building the table again.
  expect(await shown.evaluate((row) => row?.isConnected)).toBe(true)
  await expectTaskRows(page, 25)
  // And it is the board: a sort is answered.
  await page.getByRole('link', { name: 'Title' }).click()
  await expect(page.getByRole('columnheader', { name: 'Title' })).toHaveAttribute('aria-sort', 'ascending')
  // In place: the page that took the first screen over is still the one showing it.
  expect(await shown.evaluate((row) => row?.ownerDocument === document)).toBe(true)
})

test('a tab or sort header clicked before the scripts run opens its view, and so it does with scripts off', async ({
  browser,
  page,
  baseURL,
}) => {
  const release = await holdScripts(page)
  await page.goto('/tasks?size=25', { waitUntil: 'commit' })
  await expect(page.getByTestId('task-row').first()).toBeVisible()
  // A click a person makes the moment the rows show, long before the board could answer it.
  await page.getByRole('tab', { name: 'Completed' }).click()
  await expect(page).toHaveURL(/\/tasks\?tab=completed&size=25$/)
  await expect(page.getByRole('tab', { name: 'Completed' })).toHaveAttribute('aria-selected', 'true')
  await expect(page.getByTestId('task-row').first()).toContainText('Completed')
  release()
  await expectBoardRunning(page)
  await expect(page.getByRole('tab', { name: /^Completed/ })).toHaveAttribute('aria-selected', 'true')
  // Once the board runs, the links are its own: a click changes the view in this page.
  const document = await page.evaluate(() => performance.timeOrigin)
  await page.getByRole('tab', { name: /^All/ }).click()
  await expect(page).toHaveURL(/\/tasks\?tab=all&size=25$/)
  await expect(page.locator('table.tasks-table')).toHaveAttribute('aria-busy', 'false')
  expect(await page.evaluate(() => performance.timeOrigin)).toBe(document)

  const scriptless = await browser.newContext({ javaScriptEnabled: false, locale: 'en-US', timezoneId: 'UTC' })
  try {
    const off = await scriptless.newPage()
    await off.goto(`${baseURL}/tasks?tab=open&size=25`)
    await off.getByRole('columnheader', { name: 'Title' }).getByRole('link').click()
    await expect(off).toHaveURL(/\/tasks\?tab=open&sort=title:asc&size=25$/)
    await expect(off.getByRole('columnheader', { name: 'Title' })).toHaveAttribute('aria-sort', 'ascending')
    const titles = await off.getByTestId('task-row').locator('a.title').allTextContents()
    expect(titles.length).toBeGreaterThan(5)
    await off.getByRole('tab', { name: 'All' }).click()
    await expect(off).toHaveURL(/\/tasks\?tab=all&sort=title:asc&size=25$/)
    await expect(off.getByRole('tab', { name: 'All' })).toHaveAttribute('aria-selected', 'true')
  } finally {
    await scriptless.close()
  }
})

test('a link followed before the board runs leaves the board unstarted, unless its page never comes', async ({
  page,
}) => {
  // The page's entry runs; the board's code is held back, as on a page whose board is still arriving.
  let release!: () => void
  const held = new Promise<void>((resolve) => (release = resolve))
  await page.route(/\/assets\/(board|initial)-[^/]*\.js$/, async (route) => {
    await held
    await route.continue()
  })
  // The link's page never comes: the navigation is dropped, and this page stays.
  await page.route(/\/tasks\?tab=completed/, (route) => route.abort('aborted'))
  await page.goto('/tasks?size=25', { waitUntil: 'commit' })
  await expect(page.getByTestId('task-row').first()).toBeVisible()
  await page.getByRole('tab', { name: 'Completed' }).click()
  release()
  // Started after all, once the page has waited for the next one as long as one takes.
  await expectBoardRunning(page)
  await expect(page).toHaveURL(/\/tasks\?size=25$/)
})

test('a long page comes whole: the first screen holds the window’s rows of it, and the board takes it over', async ({
  page,
  request,
}) => {
  const wire = new URLSearchParams(WIRE_25)
  wire.set('limit', '1000')
  const tasks = (await (await request.get(`/api/tasks/?${wire}`)).json()) as WireTask[]
  const release = await holdScripts(page)
  await page.goto('/tasks?size=1000', { waitUntil: 'commit' })
  await expect(page.getByTestId('task-row').first()).toContainText(tasks[0]!.title)
  // The server read the whole answer: before the scripts run, the table already counts every row and is not loading.
  await expect(page.locator('table.tasks-table')).toHaveAttribute('aria-rowcount', String(tasks.length + 1))
  await expect(page.locator('table.tasks-table')).toHaveAttribute('aria-busy', 'false')
  const shown = await firstRow(page)
  release()
  // Taken over, not built again: once the board runs, the row the server rendered is still the one on screen.
  await expectAppRunning(page)
  await expectTaskRows(page, tasks.length)
  expect(await shown.evaluate((row) => row?.isConnected)).toBe(true)
  // Every row of the answer is there: the last one shows at the bottom.
  await page.locator('.table-wrap').evaluate((frame) => frame.scrollTo({ top: frame.scrollHeight }))
  await expect(
    page
      .getByTestId('task-row')
      .filter({ hasText: tasks.at(-1)!.title })
      .first(),
  ).toBeVisible()
})

test.describe('in another time zone', () => {
  test.use({ timezoneId: 'America/New_York' })

  test('the first load is rendered afresh in the browser’s zone; the next one comes in it', async ({
    page,
    request,
  }) => {
    const tasks = (await (await request.get(`/api/tasks/?${WIRE_25}`)).json()) as WireTask[]
    const task = tasks.find((each) => each.dueDate !== null)!
    const due = page.getByTestId('task-row').filter({ hasText: task.title }).first().locator('time.due')

    await page.goto('/tasks?size=25')
    await expectBoardRunning(page)
    await expect(due).toHaveAttribute('title', dueInZone(task, 'America/New_York'))

    // The board told the server its zone: the next page load's first screen is in it before any script has run.
    const release = await holdScripts(page)
    await page.reload({ waitUntil: 'commit' })
    await expect(due).toHaveAttribute('title', dueInZone(task, 'America/New_York'))
    const shown = await firstRow(page)
    release()
    await expectBoardRunning(page)
    expect(await shown.evaluate((row) => row?.isConnected)).toBe(true)
  })
})

test('a language and theme chosen in the board are the first screen’s too', async ({ page }) => {
  await page.goto('/tasks?size=25')
  await expectBoardRunning(page)
  await page.getByRole('combobox', { name: 'Language' }).selectOption('de')
  await expect(page.getByRole('heading', { name: 'Aufgaben' })).toBeVisible()
  await page.getByRole('combobox', { name: 'Farbschema' }).selectOption('dark')

  const release = await holdScripts(page)
  await page.reload({ waitUntil: 'commit' })
  await expect(page.getByRole('heading', { name: 'Aufgaben' })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'de')
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  const shown = await firstRow(page)
  release()
  await expectBoardRunning(page, 'Weiter')
  expect(await shown.evaluate((row) => row?.isConnected)).toBe(true)
})

test('a mangled display cookie is no preference at all: the board shows as for a first visit', async ({
  page,
  context,
  appServer,
}) => {
  for (const value of ['%7B%22s%22', '%7B%22s%22%3A%7B%22columns%22%3A%22%5B%22%7D%2C%22z%22%3A%22Mars%2FBase%22%7D']) {
    await context.addCookies([{ name: 'tb_display', value, url: appServer.url }])
    await page.goto('/tasks?size=25')
    await expectBoardRunning(page)
    await expect(page.getByRole('heading', { name: 'Tasks' })).toBeVisible()
  }
})

/** Until every picture on screen has loaded or failed (the page's load event waits for the held scripts). */
async function picturesSettled(page: Page): Promise<void> {
  await expect
    .poll(() =>
      page
        .locator('[data-testid="task-row"] .avatar img')
        .evaluateAll((images) =>
          images.every(
            (image) => image.getBoundingClientRect().top > innerHeight || (image as HTMLImageElement).complete,
          ),
        ),
    )
    .toBe(true)
}

/** Per avatar in the rows on screen: its initials, and whether a picture is seen over them. */
function readAvatars(page: Page) {
  return page.locator('[data-testid="task-row"] .avatar').evaluateAll((avatars) =>
    avatars.map((avatar) => {
      const picture = avatar.querySelector('img')
      return {
        initials: avatar.textContent,
        hasPicture: picture !== null,
        pictureSeen: picture !== null && getComputedStyle(picture).opacity !== '0',
      }
    }),
  )
}

test('a picture that fails before the scripts run leaves the initials, before and after, never a broken image', async ({
  page,
  consoleErrors,
}) => {
  consoleErrors.allow(/status of 404/)
  await page.route('**/demo-avatars/*', (route) => route.fulfill({ status: 404, body: 'gone' }))
  const release = await holdScripts(page)
  await page.goto('/tasks?size=25', { waitUntil: 'commit' })
  await expect(page.getByTestId('task-row').first()).toBeVisible()
  await expect.poll(async () => (await readAvatars(page)).length).toBeGreaterThan(0)
  // Every picture has failed before any script could hear it.
  await picturesSettled(page)
  const before = await readAvatars(page)
  expect(before.every(({ initials, pictureSeen }) => /^\p{Lu}{1,2}$/u.test(initials ?? '') && !pictureSeen)).toBe(true)
  release()
  await expectBoardRunning(page)
  expect(await readAvatars(page)).toEqual(before)
})

test('a picture that loads is seen over the initials once the board runs, also when it loaded before', async ({
  page,
}) => {
  const release = await holdScripts(page)
  await page.goto('/tasks?size=25', { waitUntil: 'commit' })
  await expect(page.getByTestId('task-row').first()).toBeVisible()
  await picturesSettled(page)
  release()
  await expectBoardRunning(page)
  const after = await readAvatars(page)
  expect(after.length).toBeGreaterThan(0)
  // Some people have no picture: their initials are all there is.
  const withPicture = after.filter(({ hasPicture }) => hasPicture)
  expect(withPicture.length).toBeGreaterThan(0)
  expect(withPicture.every(({ pictureSeen }) => pictureSeen)).toBe(true)
})

/** Each rendered row's cells as read: identifier, title, status, assignee (initials and name), priority, due, … */
function readRows(page: Page) {
  return page.getByTestId('task-row').evaluateAll((rows) =>
    rows.map((row) => ({
      index: row.getAttribute('aria-rowindex'),
      cells: [...row.querySelectorAll('td')].map((cell) => cell.textContent),
    })),
  )
}

test('the first screen’s styles come in the page: its first paint waits for no stylesheet', async ({
  browser,
  baseURL,
}) => {
  const scriptless = await browser.newContext({ javaScriptEnabled: false, locale: 'en-US', timezoneId: 'UTC' })
  try {
    const page = await scriptless.newPage()
    const stylesheets: string[] = []
    page.on('request', (request) => {
      if (request.resourceType() === 'stylesheet' || new URL(request.url()).pathname.endsWith('.css'))
        stylesheets.push(request.url())
    })
    await page.goto(`${baseURL}/tasks?size=25`)
    await expect(page.getByTestId('task-row').first()).toBeVisible()
    // Laid out by the board's own rules (a flex header), not the browser's defaults.
    await expect(page.locator('.board__header')).toHaveCSS('display', 'flex')
    expect(stylesheets).toEqual([])
  } finally {
    await scriptless.close()
  }
})

test('with scripts off, every row of the first screen reads as it does once the board runs', async ({
  browser,
  page,
  baseURL,
}) => {
  const scriptless = await browser.newContext({ javaScriptEnabled: false, locale: 'en-US', timezoneId: 'UTC' })
  const before = await scriptless.newPage()
  await before.goto(`${baseURL}/tasks?size=25`)
  const served = await readRows(before)
  await scriptless.close()
  expect(served.length).toBeGreaterThan(5)
  // Whole identifiers: the task types came with the page.
  expect(served.every(({ cells }) => /^[A-Z]+-\d+$/.test(cells[0]?.trim() ?? ''))).toBe(true)
  await page.goto('/tasks?size=25')
  await expectBoardRunning(page)
  const running = new Map((await readRows(page)).map(({ index, cells }) => [index, cells]))
  for (const { index, cells } of served) {
    if (running.has(index)) expect(running.get(index), `row ${index}`).toEqual(cells)
  }
  expect(served.filter(({ index }) => running.has(index)).length).toBeGreaterThan(5)
})
