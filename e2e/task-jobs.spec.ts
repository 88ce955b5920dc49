import type { Page } from '@playwright/test'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startAppProcess, type AppProcess } from '../server/testing/start-app.ts'
import { clearFaults, injectFault } from './support/demo-faults.ts'
import { withHandingOverServer } from './support/handing-over-server.ts'
import { startDemoApi } from './support/start-demo-api.ts'
import { expect, expectAppRunning } from './fixtures.ts'

// Jobs write to the demo API: a server of their own, so no other test reads a task these changed.
const test = withHandingOverServer({ DEMO_FAULTS: '1' })

test.afterEach(async ({ appServer }) => {
  await clearFaults(appServer.url)
})

interface RawTask {
  _id: string
  priority?: string
  taskStatus: string | null
}

// Plain fetch, not the request fixture: its kept-alive sockets outlive the server's idle timeout while a page is driven.
async function readTask(origin: string, id: string): Promise<RawTask> {
  return (await (await fetch(`${origin}/api/tasks/${id}`)).json()) as RawTask
}

/** The ids of the rows the board shows as picked. */
async function pickedIds(page: Page): Promise<string[]> {
  const links = page.locator('tr.is-selected a[data-task-link]')
  return (await links.evaluateAll((found) => found.map((link) => link.getAttribute('href') ?? ''))).map(
    (href) => /\/tasks\/([0-9a-f]{24})/.exec(href)![1]!,
  )
}

/** Opens a board whose rows all have `priority`, and picks its first `count` rows with x and j. */
async function pickRows(page: Page, board: string, count: number): Promise<string[]> {
  await page.goto(board)
  await expectAppRunning(page)
  const bar = page.getByRole('region', { name: 'Picked tasks' })
  await page.locator('a[data-task-link]').first().focus()
  // Picking waits for the bar's code (it says whether this person may change tasks).
  await expect(async () => {
    // x toggles: pressed again only while it has picked nothing.
    if ((await page.locator('tr.is-selected').count()) === 0) await page.keyboard.press('x')
    await expect(bar).toContainText('1 task picked', { timeout: 500 })
  }).toPass()
  for (let row = 1; row < count; row += 1) {
    await page.keyboard.press('j')
    await page.keyboard.press('x')
  }
  await expect(bar).toContainText(`${count} tasks picked`)
  return pickedIds(page)
}

test('a selection changed by keyboard alone: preview, progress, an outcome per task, the API holds it', async ({
  page,
  appServer,
}) => {
  test.setTimeout(60_000)
  const ids = await pickRows(page, '/tasks?tab=all&priority=low&size=25', 4)
  expect(ids).toHaveLength(4)
  // Esc clears a selection; picking again and shift-clicking picks every row up to one.
  await page.keyboard.press('Escape')
  await expect(page.getByRole('region', { name: 'Picked tasks' })).toHaveCount(0)
  await page.locator('a[data-task-link]').first().focus()
  await page.keyboard.press('x')
  await page
    .getByTestId('task-row')
    .nth(3)
    .click({ modifiers: ['Shift'] })
  await expect(page).toHaveURL(/\/tasks\?/)
  expect(await pickedIds(page)).toEqual(ids)

  // p opens the selection's priority menu on its first value; the arrows move, Enter chooses; the preview says
  // what will happen.
  await page.keyboard.press('p')
  await expect(page.getByRole('menuitem', { name: 'Low' })).toBeFocused()
  for (const next of ['Medium', 'High', 'Urgent']) {
    await page.keyboard.press('ArrowDown')
    await expect(page.getByRole('menuitem', { name: next })).toBeFocused()
  }
  await page.keyboard.press('Enter')
  const preview = page.getByRole('dialog', { name: 'Set priority to Urgent on 4 tasks?' })
  await expect(preview).toContainText('4 will change')
  await expect(preview.getByRole('button', { name: 'Change 4 tasks' })).toBeFocused()
  await page.keyboard.press('Enter')

  const report = page.locator('.job-report').filter({ hasText: 'Set priority to Urgent' })
  await expect(report).toContainText('Set priority to Urgent: finished', { timeout: 20_000 })
  await expect(report).toContainText('4 changed')
  for (const id of ids) expect((await readTask(appServer.url, id)).priority).toBe('urgent')
  // The board follows: the rows show what the API now holds (kept in place, marked, until the reader asks for the
  // view as it now is).
  for (const id of ids) {
    await expect(page.getByTestId('task-row').filter({ has: page.locator(`a[href*="${id}"]`) })).toContainText('Urgent')
  }
})

test('the job goes on when the tab closes, and the board shows how it ended when it opens again', async ({
  page,
  context,
  appServer,
}) => {
  test.setTimeout(60_000)
  const ids = await pickRows(page, '/tasks?tab=all&priority=medium&size=25', 6)
  await injectFault(appServer.url, { path: '/tasks/', method: 'PATCH', delayMs: 500, count: 6 })
  await page.keyboard.press('p')
  await page.getByRole('menuitem', { name: 'High' }).click()
  await page.getByRole('button', { name: 'Change 6 tasks' }).click()
  await expect(page.locator('.job-report').filter({ hasText: 'Set priority to High' })).toContainText(
    /Set priority to High: [1-5] of 6 done/,
    { timeout: 15_000 },
  )
  await page.close()

  await expect
    .poll(async () => (await Promise.all(ids.map((id) => readTask(appServer.url, id)))).map((task) => task.priority), {
      timeout: 20_000,
    })
    .toEqual(Array(6).fill('high'))
  const again = await context.newPage()
  await again.goto('/tasks?tab=all&size=25')
  await expectAppRunning(again)
  const report = again.locator('.job-report').filter({ hasText: 'Set priority to High' })
  await expect(report).toContainText('Set priority to High: finished')
  await expect(report).toContainText('6 changed')
})

test.describe('an app server restarted half-way', () => {
  let demoApi: Awaited<ReturnType<typeof startDemoApi>>
  let dataDir: string
  let server: AppProcess | undefined
  const KEY = 'restart-key:restart-secret'
  const env = () => ({
    DATA_DIR: dataDir,
    TASKS_API_URL: `${demoApi.url}/v2`,
    TASKS_API_KEY: KEY,
    TASK_WRITES: 'assignee,priority,dueDate,status,complete',
    TRUSTED_USER_HEADER: 'X-Forwarded-User',
    TRUSTED_PROXIES: '127.0.0.1',
    COUNT_BUDGET_PER_MINUTE: '100000',
  })

  test.beforeAll(async () => {
    demoApi = await startDemoApi({ DEMO_API_KEY: KEY, DEMO_FAULTS: '1' })
    dataDir = await mkdtemp(join(tmpdir(), 'task-board-restart-'))
  })
  test.afterAll(async () => {
    await server?.stop()
    await demoApi.stop()
    await rm(dataDir, { recursive: true, force: true })
  })

  test('the job is taken up again and finished, each task changed once', async ({ browser }) => {
    test.setTimeout(120_000)
    server = await startAppProcess({ env: env() })
    // A person the sign-on proxy names: on a shared key, only they may change tasks.
    const context = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-User': 'anna@example.com' } })
    const page = await context.newPage()
    const ids = await pickRows(page, `${server.url}/tasks?tab=open&size=25`, 6)
    await injectFault(demoApi.url, { path: '/tasks/', method: 'PATCH', delayMs: 600, count: 6 })
    await page.keyboard.press('s')
    await page.getByRole('menuitem', { name: 'In review' }).click()
    await page.getByRole('button', { name: 'Change 6 tasks' }).click()
    await expect(page.locator('.job-report')).toContainText(/[1-4] of 6 done/, { timeout: 15_000 })

    // Killed, as a crash would: nothing is handed back; the next server on this store takes the job up.
    process.kill(server.pid, 'SIGKILL')
    const killed = server.url
    await expect
      .poll(() =>
        fetch(killed).then(
          () => 'up',
          () => 'down',
        ),
      )
      .toBe('down')
    server = await startAppProcess({ env: env() })
    await page.goto(`${server.url}/tasks?tab=all&size=25`)
    await expectAppRunning(page)
    await expect(page.locator('.job-report')).toContainText('Set status to In review: finished', { timeout: 30_000 })
    await expect(page.locator('.job-report')).toContainText('6 changed')
    for (const id of ids) expect((await readTask(server.url, id)).taskStatus).toBe('in_review')
    // Every task was written once at most, plus the one whose write the crash may have cut short.
    const attempts = await Promise.all(
      ids.map(async (id) => {
        const log = (await (await fetch(`${server!.url}/app/tasks/${id}/changes`)).json()) as { changes: unknown[] }
        return log.changes.length
      }),
    )
    expect(attempts.reduce((sum, n) => sum + n, 0)).toBeLessThanOrEqual(7)
    await context.close()
  })
})

test('a row’s menu: m on the focused row, or a right-click beside its link; an item opens the task with that change ready', async ({
  page,
}) => {
  test.setTimeout(60_000)
  await page.goto('/tasks?tab=open&size=25')
  await expectAppRunning(page)
  const link = page.locator('a[data-task-link]').nth(1)
  const title = (await link.textContent())!
  await link.focus()
  const menu = page.getByRole('menu', { name: 'Task menu' })
  // The menu comes with the code of changes (it asks the session whether this person may change tasks).
  await expect(async () => {
    if ((await menu.count()) === 0) await page.keyboard.press('m')
    await expect(menu).toBeVisible({ timeout: 500 })
  }).toPass()
  await expect(menu.getByRole('menuitem', { name: /^Open/ })).toBeFocused()
  for (let step = 0; step < 5; step += 1) await page.keyboard.press('ArrowDown')
  await expect(menu.getByRole('menuitem', { name: 'Complete…' })).toBeFocused()
  await page.keyboard.press('Enter')
  const panel = page.getByRole('dialog', { name: title })
  await expect(panel.getByRole('form', { name: 'Complete this task?' })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(panel).toHaveCount(0)

  // A right-click on the row beside its link opens the same menu there; Esc gives the focus back to the row.
  await page.getByTestId('task-row').nth(2).locator('td.col-taskStatus').click({ button: 'right' })
  await expect(menu).toBeVisible()
  await expect(menu.getByRole('menuitem', { name: 'Change priority…' })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(menu).toHaveCount(0)
  await expect(page.getByTestId('task-row').nth(2).getByRole('link')).toBeFocused()
})

test('a selection assigned, given a due date and completed, by keyboard (the date typed in its field); nobody e-mailed', async ({
  page,
  appServer,
}) => {
  test.setTimeout(90_000)
  const report = page.locator('.job-report')
  const run = async (what: string, count: number) => {
    const preview = page.getByRole('dialog', { name: `${what} on ${count} tasks?` })
    await expect(preview.getByRole('button', { name: `Change ${count} tasks` })).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(report.filter({ hasText: `${what}: finished` })).toContainText(`${count} changed`, { timeout: 20_000 })
  }

  // Assign: a opens the menu on "Nobody"; the next one is the first person by name.
  let ids = await pickRows(page, '/tasks?tab=open&assignee=unassigned&size=25', 3)
  await page.keyboard.press('a')
  await expect(page.getByRole('menuitem', { name: 'Nobody' })).toBeFocused()
  await page.keyboard.press('ArrowDown')
  const person = (await page.locator(':focus').textContent())!
  await page.keyboard.press('Enter')
  await run(`Set assignee to ${person}`, 3)
  for (const id of ids) expect((await readRaw(appServer.url, id)).assignee?.name).toBe(person)

  // A due date: d opens the field; the date is typed, Enter goes on to the preview.
  ids = await pickRows(page, '/tasks?tab=open&size=25', 2)
  await page.keyboard.press('d')
  const due = page.getByRole('dialog', { name: 'Due date' }).getByLabel('Due date')
  await expect(due).toBeFocused()
  await due.fill('2027-01-15T09:30')
  await page.keyboard.press('Enter')
  await run('Set due date to Jan 15, 2027, 9:30 AM', 2)
  for (const id of ids) expect((await readRaw(appServer.url, id)).dueDate).not.toBeNull()

  // Completing: s, then "Completed": the preview says nobody is e-mailed, and nobody is.
  ids = await pickRows(page, '/tasks?tab=open&size=25', 2)
  await page.keyboard.press('s')
  for (let step = 0; step < 4; step += 1) await page.keyboard.press('ArrowDown')
  await expect(page.getByRole('menuitem', { name: 'Completed' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('dialog', { name: 'Complete on 2 tasks?' })).toContainText('No customer is e-mailed.')
  await run('Complete', 2)
  for (const id of ids) expect((await readTask(appServer.url, id)).taskStatus).toBe('completed')
  const outbox = (await (await fetch(`${appServer.url}/__demo/outbox`)).json()) as { taskId: string }[]
  expect(outbox.filter((sent) => ids.includes(sent.taskId))).toEqual([])
})

async function readRaw(
  origin: string,
  id: string,
): Promise<{ assignee?: { name: string } | null; dueDate: number | string | null }> {
  return (await (await fetch(`${origin}/api/tasks/${id}`)).json()) as never
}
