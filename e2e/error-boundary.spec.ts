import type { APIRequestContext, Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'

const rows = (page: Page) => page.getByTestId('task-row')

const FAILURE = 'Simulated failure while formatting a date'
/** React logs a caught rendering error, and the boundary logs it again: nothing else may. */
const LOGGED_FAILURE = new RegExp(`^Error: ${FAILURE}(\\n|$)`)

/** Which dates fail to format: all of them, one instant in epoch ms, or none. */
type DateFailure = 'all' | number | null
type WithDateFailure = Window & { __failDateFormat?: DateFailure }

/**
 * There is no bad data that crashes a cell, so the test breaks a platform API
 * the cells and the detail panel call while they render: a throw there is a
 * rendering bug as far as React can tell, which is what the boundaries are for.
 * `format` is a getter on the prototype that hands out a bound function, so the
 * getter is what gets wrapped.
 */
test.beforeEach(async ({ page }) => {
  await page.addInitScript((message) => {
    const descriptor = Object.getOwnPropertyDescriptor(Intl.DateTimeFormat.prototype, 'format')!
    Object.defineProperty(Intl.DateTimeFormat.prototype, 'format', {
      ...descriptor,
      get(this: Intl.DateTimeFormat) {
        const format = descriptor.get!.call(this) as (date?: Date | number) => string
        return (date?: Date | number) => {
          const failure = (window as WithDateFailure).__failDateFormat
          if (failure === 'all' || (typeof failure === 'number' && Number(date) === failure)) throw new Error(message)
          return format(date)
        }
      },
    })
  }, FAILURE)
})

async function failDateFormat(page: Page, failure: DateFailure): Promise<void> {
  await page.evaluate((value) => {
    ;(window as WithDateFailure).__failDateFormat = value
  }, failure)
}

const hasParams = (expected: Record<string, string>) => (url: URL) =>
  Object.entries(expected).every(([name, value]) => url.searchParams.get(name) === value)

test('a rendering bug in the list shows a message in its place, keeps the board and the view, and Try again recovers', async ({
  page,
  consoleErrors,
}) => {
  consoleErrors.allow(LOGGED_FAILURE)
  await page.goto('/tasks?sort=title:asc')
  await expect(rows(page).first()).toBeVisible()

  await failDateFormat(page, 'all')
  await page.getByRole('tab', { name: 'Completed' }).click()
  const notice = page.getByRole('alert').filter({ hasText: 'The task list could not be displayed.' })
  await expect(notice).toBeVisible()
  await expect(notice).toContainText(FAILURE)
  await expect(rows(page)).toHaveCount(0)
  await expect(page.getByRole('heading', { level: 1, name: 'Tasks' })).toBeVisible()
  await expect(page.getByRole('tab', { name: 'Completed' })).toHaveAttribute('aria-selected', 'true')
  await expect(page.getByRole('searchbox')).toBeVisible()
  await expect(page).toHaveURL(hasParams({ sort: 'title:asc', tab: 'completed' }))

  await failDateFormat(page, null)
  await notice.getByRole('button', { name: 'Try again' }).click()
  await expect(notice).toBeHidden()
  await expect(rows(page).first()).toBeVisible()
  await expect(rows(page).locator('td.col-taskStatus').filter({ hasNotText: 'Completed' })).toHaveCount(0)
  await expect(page).toHaveURL(hasParams({ sort: 'title:asc', tab: 'completed' }))
})

test('a change of view renders a broken list again', async ({ page, consoleErrors }) => {
  consoleErrors.allow(LOGGED_FAILURE)
  await page.goto('/tasks')
  await expect(rows(page).first()).toBeVisible()
  await failDateFormat(page, 'all')
  await page.getByRole('tab', { name: 'Open' }).click()
  const notice = page.getByRole('alert').filter({ hasText: 'The task list could not be displayed.' })
  await expect(notice).toBeVisible()

  await failDateFormat(page, null)
  await page.getByRole('tab', { name: 'All' }).click()
  await expect(notice).toBeHidden()
  await expect(rows(page).first()).toBeVisible()
  await expect(page).toHaveURL(hasParams({ tab: 'all' }))
})

/**
 * Opens the board on a tab whose tasks have all been started and returns the
 * first row's title link with the instant the task was first started: only the
 * detail panel shows that date, so failing to format it breaks the panel and
 * leaves the table's cells alone.
 */
async function firstStartedTask(page: Page, request: APIRequestContext) {
  await page.goto('/tasks?tab=in_progress')
  const link = rows(page).first().getByRole('link')
  const id = /^\/tasks\/([^/?]+)/.exec((await link.getAttribute('href'))!)![1]!
  const task = (await (await request.get(`/api/tasks/${id}`)).json()) as { firstStartedAt: number | string }
  // The API sends epoch ms or an ISO string; the board reads both to the same instant.
  const startedAt = typeof task.firstStartedAt === 'number' ? task.firstStartedAt : Date.parse(task.firstStartedAt)
  expect(startedAt).not.toBeNaN()
  return { link, title: (await link.textContent())!, startedAt }
}

test('a rendering bug in the task panel shows a message there; the board stays, Close returns to it, and the task opens again later', async ({
  page,
  request,
  consoleErrors,
}) => {
  consoleErrors.allow(LOGGED_FAILURE)
  const { link, title, startedAt } = await firstStartedTask(page, request)

  await failDateFormat(page, startedAt)
  await link.click()
  const dialog = page.getByRole('dialog', { name: 'This task could not be displayed' })
  await expect(dialog).toBeVisible()
  const notice = dialog.getByRole('alert')
  await expect(notice).toContainText('The task could not be displayed.')
  await expect(notice).toContainText(FAILURE)
  await expect(page).toHaveURL(/\/tasks\/[0-9a-f]{24}\?tab=in_progress$/)
  await expect(link).toBeVisible()
  await expect(page.getByText('The task list could not be displayed.')).toHaveCount(0)

  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(dialog).toBeHidden()
  await expect(page).toHaveURL(/\/tasks\?tab=in_progress$/)
  await expect(link).toBeVisible()
  await expect(page.getByRole('alert')).toHaveCount(0)

  await failDateFormat(page, null)
  await link.click()
  const task = page.getByRole('dialog', { name: title })
  await expect(task).toBeVisible()
  await expect(task.getByText('First started')).toBeVisible()
})

test('Try again in the task panel shows the task once it renders', async ({ page, request, consoleErrors }) => {
  consoleErrors.allow(LOGGED_FAILURE)
  const { link, title, startedAt } = await firstStartedTask(page, request)
  await failDateFormat(page, startedAt)
  await link.click()
  const broken = page.getByRole('dialog', { name: 'This task could not be displayed' })
  await expect(broken).toBeVisible()

  await failDateFormat(page, null)
  await broken.getByRole('button', { name: 'Try again' }).click()
  const task = page.getByRole('dialog', { name: title })
  await expect(task).toBeVisible()
  await expect(task.getByText('First started')).toBeVisible()
  await expect(task.getByRole('alert')).toHaveCount(0)
})
