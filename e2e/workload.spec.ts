import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import { axeViolations } from './support/axe-violations.ts'
import { clearFaults, injectFault } from './support/demo-faults.ts'
import { listAllTasks, type DemoTask } from './support/demo-tasks.ts'

const ZONE = 'Europe/Berlin'
test.use({ timezoneId: ZONE })

const ACTIVE = 'taskStatus=new,open,in_progress,in_review'

/** A due date as the API sends it (epoch ms or seconds, numeric or ISO string), or null. */
function dueOf(task: DemoTask): number | null {
  const value = task.dueDate
  if (typeof value === 'number') return Math.abs(value) < 1e11 ? value * 1000 : value
  if (typeof value !== 'string' || value.trim() === '') return null
  if (/^-?\d+(\.\d+)?$/.test(value.trim())) return dueOf({ ...task, dueDate: Number(value) })
  const parsed = Date.parse(value)
  return Number.isNaN(parsed) ? null : parsed
}

const dayIn = (ms: number) => new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(ms)

/** The figures per assignee name, worked out here from every active task. */
function expectedRows(tasks: DemoTask[], asOf: number): Map<string, number[]> {
  const today = dayIn(asOf)
  const weekday = (new Date(`${today}T12:00:00Z`).getUTCDay() + 6) % 7
  const monday = Date.parse(`${today}T12:00:00Z`) - weekday * 86_400_000
  const week = new Set(Array.from({ length: 7 }, (_, day) => dayIn(monday + day * 86_400_000)))
  const rows = new Map<string, number[]>([['Unassigned', [0, 0, 0, 0]]])
  for (const task of tasks) {
    const name = task.assignee?.entityId ? (task.assignee.name ?? task.assignee.entityId) : 'Unassigned'
    const row = rows.get(name) ?? [0, 0, 0, 0]
    const due = dueOf(task)
    row[0]! += 1
    if (due !== null && due < asOf) row[1]! += 1
    if (due !== null && dayIn(due) === today) row[2]! += 1
    if (due !== null && week.has(dayIn(due))) row[3]! += 1
    rows.set(name, row)
  }
  return rows
}

async function readTable(page: Page): Promise<Map<string, number[]>> {
  const rows = page.getByTestId('workload-row')
  await expect(rows.first()).toBeVisible()
  const read = await rows.evaluateAll((elements) =>
    // The name without the initials an avatar stands in with.
    elements.map((row) =>
      [...row.children].map((cell) => (cell.querySelector('.assignee__name') ?? cell).textContent?.trim() ?? ''),
    ),
  )
  return new Map(read.map(([name, ...figures]) => [name!, figures.map((text) => Number(text.replace(/\D/g, '')))]))
}

async function openWorkload(page: Page, search: string): Promise<number> {
  const answer = page.waitForResponse((response) => new URL(response.url()).pathname === '/app/workload')
  await page.goto(`/workload${search}`)
  const response = await answer
  expect(new URL(response.url()).searchParams.get('tz')).toBe(ZONE)
  return ((await response.json()) as { asOf: number }).asOf
}

test('the figures per assignee equal the active tasks of the filters, Unassigned first', async ({ page, request }) => {
  const asOf = await openWorkload(page, '?priority=urgent,high')
  const tasks = await listAllTasks(request, `${ACTIVE}&priority=high,urgent`)
  const shown = await readTable(page)
  expect([...shown.keys()][0]).toBe('Unassigned')
  expect(Object.fromEntries(shown)).toEqual(Object.fromEntries(expectedRows(tasks, asOf)))
  await expect(page.getByText(/^Figures from /)).toBeVisible()
})

test('a column header sorts the people, kept in the URL', async ({ page }) => {
  await openWorkload(page, '')
  await page.getByRole('button', { name: 'Overdue' }).click()
  await expect(page).toHaveURL(/\/workload\?order=overdue:desc$/)
  await expect(page.getByRole('columnheader', { name: 'Overdue' })).toHaveAttribute('aria-sort', 'descending')
  const figures = [...(await readTable(page)).values()].slice(1).map((row) => row[1]!)
  expect(figures).toEqual([...figures].sort((a, b) => b - a))
  await page.reload()
  await expect(page.getByRole('columnheader', { name: 'Overdue' })).toHaveAttribute('aria-sort', 'descending')
})

test('the board links to the workload of its filters, and back', async ({ page }) => {
  await page.goto('/tasks?tab=completed&priority=urgent')
  await expect(page.getByTestId('task-row').first()).toBeVisible()
  await page.getByRole('link', { name: 'Workload' }).click()
  await expect(page).toHaveURL(/\/workload\?tab=completed&priority=urgent$/)
  await expect(page.getByRole('heading', { name: 'Workload' })).toBeVisible()
  await page.getByRole('link', { name: /Back to the tasks/ }).click()
  await expect(page).toHaveURL(/\/tasks\?tab=completed&priority=urgent$/)
})

test('each figure opens the board of that person and slice', async ({ page }) => {
  await openWorkload(page, '?priority=urgent')
  const person = page.getByTestId('workload-row').nth(1)
  const name = (await person.locator('.assignee__name').textContent())!.trim()
  const tasks = await listAllTasks(page.request, `${ACTIVE}&priority=urgent`)
  const id = tasks.find((task) => task.assignee?.name === name)?.assignee?.entityId
  expect(id, `a user named ${name}`).toBeTruthy()

  await person.getByRole('link', { name: new RegExp(`Overdue, ${name}$`) }).click()
  await expect(page).toHaveURL(`/tasks?assignee=${id}&priority=urgent&sort=dueDate:asc`)
  await page.goBack()
  await page
    .getByTestId('workload-row')
    .nth(1)
    .getByRole('link', { name: new RegExp(`Active, ${name}$`) })
    .click()
  await expect(page).toHaveURL(`/tasks?assignee=${id}&priority=urgent`)
  await expect(page.getByTestId('task-row').first()).toBeVisible()
  await expect(page.getByTestId('task-row').locator('td.col-assignee').filter({ hasNotText: name })).toHaveCount(0)
})

test('j and k move between rows and Enter opens the person’s board', async ({ page }) => {
  await openWorkload(page, '')
  await page.getByTestId('workload-row').first().waitFor()
  await page.keyboard.press('j')
  await expect(page.getByTestId('workload-row').first()).toBeFocused()
  await page.keyboard.press('j')
  await page.keyboard.press('j')
  await page.keyboard.press('k')
  const second = page.getByTestId('workload-row').nth(1)
  await expect(second).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/\/tasks\?assignee=[0-9a-f]{24}$/)

  await page.goto('/workload')
  await page.getByTestId('workload-row').first().focus()
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL('/tasks?assignee=unassigned')
})

test('German words and numbers', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('task-board.locale', 'de'))
  await openWorkload(page, '')
  await expect(page.getByRole('heading', { name: 'Auslastung' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Überfällig' })).toBeVisible()
  await expect(page.getByTestId('workload-row').first().locator('th')).toHaveText('Nicht zugewiesen')
})

const NO_ACTIVE_TASKS = {
  en: 'No active tasks match these filters.',
  de: 'Keine aktiven Aufgaben passen zu diesen Filtern.',
} as const
for (const [locale, sentence] of Object.entries(NO_ACTIVE_TASKS)) {
  test(`with no active task in its filters it says so, not a table of zeros (${locale})`, async ({ page }) => {
    await page.addInitScript((stored) => localStorage.setItem('task-board.locale', stored), locale)
    await openWorkload(page, '?q=no-task-is-called-this')
    await expect(page.getByRole('status').filter({ hasText: sentence })).toBeVisible()
    await expect(page.getByRole('table')).toHaveCount(0)
    expect(await axeViolations(page)).toEqual([])
    await page.screenshot({ path: test.info().outputPath(`workload-empty-${locale}.png`) })
  })
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the workload has no accessibility violations in ${colorScheme} mode`, async ({ page }) => {
    await page.emulateMedia({ colorScheme })
    await openWorkload(page, '?priority=urgent')
    await expect(page.getByTestId('workload-row').first()).toBeVisible()
    expect(await axeViolations(page)).toEqual([])
  })
}

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 800 } })

  for (const locale of ['en', 'de'] as const) {
    test(`every figure column shows without a sideways scroll (${locale})`, async ({ page }) => {
      await page.addInitScript((stored) => localStorage.setItem('task-board.locale', stored), locale)
      await openWorkload(page, '')
      const frame = page.locator('.workload__frame')
      await expect(page.getByTestId('workload-row').first()).toBeVisible()
      const widths = await frame.evaluate((element) => ({
        frame: [element.scrollWidth, element.clientWidth],
        page: [document.documentElement.scrollWidth, window.innerWidth],
      }))
      expect(widths.frame[0]).toBeLessThanOrEqual(widths.frame[1]!)
      expect(widths.page[0]).toBeLessThanOrEqual(widths.page[1]!)
      // The last column (due this week) is inside the window, not cut at its edge.
      const last = await page.locator('thead th').last().boundingBox()
      expect(last!.x + last!.width).toBeLessThanOrEqual(390)
      expect(await axeViolations(page)).toEqual([])
    })
  }
})

test.describe('when the tasks API fails', () => {
  test.afterEach(async ({ appServer }) => {
    await clearFaults(appServer.url)
  })

  test('with no figures yet it says why and Retry brings them', async ({ page, appServer, consoleErrors }) => {
    consoleErrors.allow(/status of 503/)
    // A search no other test asks for, so no figures of it are cached on the server.
    const search = `?q=${Date.now().toString(36)}`
    await injectFault(appServer.url, { path: '/tasks/', status: 503, message: 'Wartungsarbeiten', count: 20 })
    await page.goto(`/workload${search}`)
    const alert = page.getByRole('alert')
    await expect(alert).toContainText('Wartungsarbeiten')
    await expect(page.getByText(/^Figures from/)).toHaveCount(0)
    await clearFaults(appServer.url)
    await alert.getByRole('button', { name: 'Retry' }).click()
    await expect(page.getByText(/^Figures from/)).toBeVisible()
    await expect(alert).toBeHidden()
    await expect(page).toHaveURL(`/workload${search}`)
  })
})
