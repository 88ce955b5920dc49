import type { Locator, Page } from '@playwright/test'
import { clearFaults, injectFault } from './support/demo-faults.ts'
import { withHandingOverServer } from './support/handing-over-server.ts'
import { expect, expectAppRunning, expectTaskRows } from './fixtures.ts'
import { boardWriteHeaders, openViewsByKey, uniqueName } from './support/saved-views.ts'
import { parseTimestamp } from '../src/shared/tasks/api/schemas.ts'

// Changes write to the demo API: a server of their own, so no other test reads a task these changed.
const test = withHandingOverServer({ DEMO_FAULTS: '1' })

test.afterEach(async ({ appServer }) => {
  await clearFaults(appServer.url)
})

interface RawTask {
  _id: string
  title: string
  priority?: string
  taskStatus: string | null
  dueDate: number | string | null
  email: string | null
  assignee?: { entityId: string; name: string } | null
  status: { lastModifiedAt: unknown }
}

// Plain fetch, not the request fixture: its kept-alive sockets outlive the server's idle timeout while a page
// is driven, and the next read then meets a closed socket.
async function firstTask(origin: string, query: string, offset = 0): Promise<RawTask> {
  const [task] = (await (await fetch(`${origin}/api/tasks/?limit=1&offset=${offset}&${query}`)).json()) as RawTask[]
  if (!task) throw new Error(`no task where ${query}`)
  return task
}

async function readTask(origin: string, id: string): Promise<RawTask> {
  return (await (await fetch(`${origin}/api/tasks/${id}`)).json()) as RawTask
}

/** Chooses an option of one of the panel's selects, with the mouse. */
async function choose(page: Page, panel: Locator, select: string, option: string) {
  await panel.getByRole('combobox', { name: select }).click()
  await page.getByRole('option', { name: option, exact: true }).click()
}

/** Opens a task's panel over the board, by its link, and waits until its controls are there. */
async function openPanel(page: Page, task: RawTask, board = '/tasks?tab=all&size=25') {
  await page.goto(`/tasks/${task._id}${board.slice('/tasks'.length)}`)
  await expectAppRunning(page)
  const panel = page.getByRole('dialog', { name: task.title })
  await expect(panel.getByRole('combobox', { name: 'Priority' })).toBeVisible()
  return panel
}

test('priority and status by keyboard alone: the panel says so, the row behind follows, the API holds it', async ({
  page,
  appServer,
}) => {
  // A task among the board's first rows (newest first, as the All tab shows them), so its row is on screen behind
  // the panel, with a priority and a status that each have a next one to move to.
  const PRIORITIES = ['low', 'medium', 'high', 'urgent']
  const STATUSES = ['new', 'open', 'in_progress', 'in_review']
  const newest = (await (await fetch(`${appServer.url}/api/tasks/?limit=8`)).json()) as RawTask[]
  const task = newest.find(
    (candidate) =>
      PRIORITIES.slice(0, 3).includes(candidate.priority ?? '') &&
      STATUSES.slice(0, 3).includes(candidate.taskStatus ?? ''),
  )
  if (!task) throw new Error('none of the newest tasks can take a next priority and status')
  const LABELS: Record<string, string> = { medium: 'Medium', high: 'High', urgent: 'Urgent' }
  const STATUS_LABELS: Record<string, string> = { open: 'Open', in_progress: 'In progress', in_review: 'In review' }
  const nextPriority = PRIORITIES[PRIORITIES.indexOf(task.priority!) + 1]!
  const nextStatus = STATUSES[STATUSES.indexOf(task.taskStatus!) + 1]!

  const panel = await openPanel(page, task)
  const priority = panel.getByRole('combobox', { name: 'Priority' })
  await priority.focus()
  // The arrow keys open the list (on the current value) and move in it, writing nothing; Enter chooses.
  await page.keyboard.press('ArrowDown')
  await expect(page.getByRole('option', { name: LABELS[nextPriority] })).toBeVisible()
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Enter')
  await expect(panel.getByTestId('change-feedback')).toContainText(`Priority set to ${LABELS[nextPriority]}.`)
  await expect(priority).toHaveText(new RegExp(LABELS[nextPriority]!))
  await expect.poll(async () => (await readTask(appServer.url, task._id)).priority).toBe(nextPriority)

  const status = panel.getByRole('combobox', { name: 'Status' })
  await status.focus()
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Enter')
  await expect(panel.getByTestId('change-feedback')).toContainText(`Status set to ${STATUS_LABELS[nextStatus]}.`)
  expect((await readTask(appServer.url, task._id)).taskStatus).toBe(nextStatus)

  await page.keyboard.press('Escape')
  const row = page.getByTestId('task-row').filter({ has: page.locator(`a[href^="/tasks/${task._id}"]`) })
  await expect(row.locator('td.col-priority')).toHaveText(LABELS[nextPriority]!)
  await expect(row.locator('td.col-taskStatus')).toHaveText(STATUS_LABELS[nextStatus]!)
})

test('from a focused row: p opens the task with its priority list ready, and the shortcuts dialog lists the keys', async ({
  page,
  appServer,
}) => {
  await page.goto('/tasks?tab=in_progress&priority=low&sort=title:asc&size=25')
  await expectAppRunning(page)
  await page.keyboard.press('?')
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(help).toContainText('Change the priority of the focused task, or of the picked ones')
  await expect(help).toContainText('Pick the focused task for a change on many')
  await page.keyboard.press('Escape')
  await page.keyboard.press('j')
  await page.keyboard.press('j')
  const row = page.getByTestId('task-row').nth(1)
  await expect(row.getByRole('link')).toBeFocused()
  const title = (await row.locator('td.col-title').textContent())!
  await page.keyboard.press('p')
  const panel = page.getByRole('dialog', { name: title })
  const urgent = page.getByRole('option', { name: 'Urgent' })
  await expect(urgent).toBeVisible()
  await urgent.click()
  await expect(panel.getByTestId('change-feedback')).toContainText('Priority set to Urgent.')
  const id = new URL(page.url()).pathname.split('/').pop()!
  await expect.poll(async () => (await readTask(appServer.url, id)).priority).toBe('urgent')
})

test('assignee to a person and back to nobody', async ({ page, appServer }) => {
  const task = await firstTask(appServer.url, 'userIds=unassigned_jobs&taskStatus=open')
  const panel = await openPanel(page, task)
  const assignee = panel.getByRole('combobox', { name: 'Assignee' })
  await choose(page, panel, 'Assignee', 'Lukas Wagner')
  await expect(panel.getByTestId('change-feedback')).toContainText('Assignee set to Lukas Wagner.')
  expect((await readTask(appServer.url, task._id)).assignee?.name).toBe('Lukas Wagner')
  await expect(assignee).toHaveText(/Lukas Wagner/)
  await choose(page, panel, 'Assignee', 'Nobody')
  await expect(panel.getByTestId('change-feedback')).toContainText('Assignee set to Nobody.')
  expect((await readTask(appServer.url, task._id)).assignee).toBeNull()
})

test('due date set in the board’s time zone, then removed', async ({ page, appServer }) => {
  const task = await firstTask(appServer.url, 'taskStatus=in_progress', 3)
  const panel = await openPanel(page, task)
  await panel.getByLabel('Due').fill('2026-12-24T09:30')
  await panel.getByRole('button', { name: 'Set', exact: true }).click()
  await expect(panel.getByTestId('change-feedback')).toContainText('Due set to 2026-12-24 09:30.')
  const zone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)
  const due = (await readTask(appServer.url, task._id)).dueDate
  expect(new Date(Number(due)).toLocaleString('sv-SE', { timeZone: zone, hour12: false }).slice(0, 16)).toBe(
    '2026-12-24 09:30',
  )
  await panel.getByRole('button', { name: 'Remove' }).click()
  await expect(panel.getByTestId('change-feedback')).toContainText('Due date removed.')
  expect((await readTask(appServer.url, task._id)).dueDate).toBeNull()
})

test('completing mails nobody unless asked, and shows the recipient first', async ({ page, appServer }) => {
  const task = await firstTask(appServer.url, 'taskStatus=open', 5)
  const panel = await openPanel(page, task)
  await panel.getByRole('button', { name: 'Complete…' }).click()
  const form = panel.getByRole('form', { name: 'Complete this task?' })
  const mail = form.getByRole('checkbox')
  if (task.email) await expect(form).toContainText(`E-mail the customer at ${task.email}`)
  if (task.email) await expect(mail).not.toBeChecked()
  await form.getByRole('button', { name: 'Complete task' }).click()
  await expect(panel.getByTestId('change-feedback')).toContainText('Task completed. Nobody was e-mailed.')
  expect((await readTask(appServer.url, task._id)).taskStatus).toBe('completed')
  const outbox = (await (await fetch(`${appServer.url}/__demo/outbox`)).json()) as { taskId: string }[]
  expect(outbox.filter((sent) => sent.taskId === task._id)).toEqual([])
  await expect(panel.getByRole('button', { name: 'Complete…' })).toBeHidden()
})

test('a colleague’s newer change is never overwritten: the panel says so and shows it', async ({
  page,
  appServer,
  consoleErrors,
}) => {
  consoleErrors.allow(/status of 409/)
  const task = await firstTask(appServer.url, 'priority=medium&taskStatus=open')
  const panel = await openPanel(page, task)
  await fetch(`${appServer.url}/__demo/tasks/${task._id}`, {
    method: 'POST',
    body: JSON.stringify({ priority: 'urgent' }),
  })
  await choose(page, panel, 'Priority', 'Low')
  await expect(panel.getByTestId('change-feedback')).toContainText('Someone changed this task since you opened it')
  await expect(panel.getByRole('combobox', { name: 'Priority' })).toHaveText(/Urgent/)
  expect((await readTask(appServer.url, task._id)).priority).toBe('urgent')
})

test('a change the API takes and ignores is not shown as made', async ({ page, appServer, consoleErrors }) => {
  consoleErrors.allow(/status of 502/)
  const task = await firstTask(appServer.url, 'priority=high&taskStatus=new')
  const panel = await openPanel(page, task)
  await injectFault(appServer.url, { path: '/tasks/', method: 'PATCH', ignoreFields: ['priority'] })
  await choose(page, panel, 'Priority', 'Low')
  await expect(panel.getByTestId('change-feedback')).toContainText('accepted the change but did not apply it')
  await expect(panel.getByRole('combobox', { name: 'Priority' })).toHaveText(/High/)
})

test('undo within ten seconds, by its button or Ctrl+Z; the panel lists every attempt', async ({ page, appServer }) => {
  const task = await firstTask(appServer.url, 'priority=low&taskStatus=in_review')
  const panel = await openPanel(page, task)
  const feedback = panel.getByTestId('change-feedback')
  await choose(page, panel, 'Priority', 'Urgent')
  await expect(feedback).toContainText('Priority set to Urgent.')
  await feedback.getByRole('button', { name: 'Undo' }).click()
  await expect(feedback).toHaveText('Change undone.')
  expect((await readTask(appServer.url, task._id)).priority).toBe('low')
  await expect(feedback.getByRole('button', { name: 'Undo' })).toBeHidden()

  await choose(page, panel, 'Priority', 'High')
  await expect(feedback).toContainText('Priority set to High.')
  await page.keyboard.press('Control+z')
  await expect(feedback).toHaveText('Change undone.')
  expect((await readTask(appServer.url, task._id)).priority).toBe('low')

  const history = panel.getByRole('list').filter({ hasText: 'Priority:' })
  await expect(history.getByRole('listitem')).toHaveCount(4)
  await expect(history.getByRole('listitem').first()).toContainText('Priority: High → Low — applied')
  await expect(history.getByRole('listitem').last()).toContainText('Priority: Low → Urgent — applied')
})

test('an undo after a colleague’s change says so and overwrites nothing', async ({
  page,
  appServer,
  consoleErrors,
}) => {
  consoleErrors.allow(/status of 409/)
  const task = await firstTask(appServer.url, 'priority=medium&taskStatus=in_review')
  const panel = await openPanel(page, task)
  const feedback = panel.getByTestId('change-feedback')
  await choose(page, panel, 'Priority', 'High')
  await expect(feedback).toContainText('Priority set to High.')
  await fetch(`${appServer.url}/__demo/tasks/${task._id}`, {
    method: 'POST',
    body: JSON.stringify({ priority: 'urgent' }),
  })
  await feedback.getByRole('button', { name: 'Undo' }).click()
  await expect(feedback).toContainText('Someone changed this task since you opened it')
  await expect(panel.getByRole('combobox', { name: 'Priority' })).toHaveText(/Urgent/)
  expect((await readTask(appServer.url, task._id)).priority).toBe('urgent')
  await expect(panel.getByRole('listitem').first()).toContainText(
    'Priority: High → Medium — not made: changed by someone else first (Urgent)',
  )
})

test('changed since you looked: the views menu and the view’s line say so, and the board shows only those', async ({
  page,
  appServer,
}) => {
  test.setTimeout(90_000)
  const origin = appServer.url
  const name = uniqueName('Everything')
  const saved = await fetch(`${origin}/app/views`, {
    method: 'POST',
    headers: boardWriteHeaders(origin),
    body: JSON.stringify({ name, query: 'tab=all&sort=title:asc' }),
  })
  expect(saved.status).toBe(201)
  await page.goto('/tasks')
  await expectAppRunning(page)
  const option = (menu: Locator) => menu.getByRole('option', { name: new RegExp(name) })

  // Opening the view is the first look: nothing to say yet.
  let menu = await openViewsByKey(page)
  const looked = page.waitForResponse((response) => /\/app\/views\/[^/]+\/look$/.test(response.url()))
  await option(menu).click()
  expect((await (await looked).json()) as unknown).toMatchObject({ previous: null })
  await expect(page.getByText(`View “${name}”`)).toBeVisible()
  await expect(page.getByText(/since you last looked/)).toBeHidden()

  // A colleague changes a task of the view through the board.
  const task = await firstTask(origin, 'taskStatus=open', 3)
  const to = task.priority === 'low' ? 'high' : 'low'
  const change = await fetch(`${origin}/app/tasks/${task._id}/changes`, {
    method: 'POST',
    headers: boardWriteHeaders(origin),
    body: JSON.stringify({
      field: 'priority',
      from: task.priority ?? null,
      to,
      seenModifiedAt: parseTimestamp((await readTask(origin, task._id)).status.lastModifiedAt),
    }),
  })
  expect(((await change.json()) as { outcome: string }).outcome).toBe('applied')

  // The menu says what changed since that look; opening the view again says it on the view's line.
  menu = await openViewsByKey(page)
  await expect(option(menu)).toContainText('1 changed')
  await option(menu).click()
  const line = page.getByText(/^1 changed since you last looked \(/)
  await expect(line).toBeVisible()
  await expect(page).toHaveTitle(`1 changed · ${name}`)
  await page.getByRole('button', { name: 'Show only these' }).click()

  // Only the changed task, by a link that can be shared; the view keeps its own order for later.
  await expect(page).toHaveURL(/[?&]changed=\d{4}-\d\d-\d\dT[\d:.]+Z/)
  await expect(page).toHaveURL(/sort=title:asc/)
  await expectTaskRows(page, 1)
  await expect(page.getByTestId('task-row').first().locator('a[data-task-link]')).toHaveAttribute(
    'href',
    new RegExp(task._id),
  )
  const chips = page.getByRole('list', { name: 'Active filters' })
  await expect(chips).toContainText('Changed since')
  await expect(page.getByText(`View “${name}”`)).toBeVisible()
  await expect(page.getByRole('button', { name: 'Show only these' })).toBeHidden()

  // A reload shows the same: the tab keeps its look, and records none.
  let looks = 0
  page.on('request', (request) => {
    if (request.url().endsWith('/look')) looks += 1
  })
  await page.reload()
  await expectAppRunning(page)
  await expectTaskRows(page, 1)
  await expect(line).toBeVisible()
  expect(looks).toBe(0)

  // Removing the chip shows the whole view again, in its own order.
  await chips.getByRole('button', { name: /Remove Changed since/ }).click()
  await expect(page).not.toHaveURL(/changed=/)
  await expect(page).toHaveURL(/sort=title:asc/)
  await expect(page.getByRole('button', { name: 'Show only these' })).toBeVisible()
})

test.describe('a German browser', () => {
  test.use({ locale: 'de-DE' })

  test('gets the change controls in German, with the API’s refusal in its own words', async ({
    page,
    appServer,
    consoleErrors,
  }) => {
    consoleErrors.allow(/status of 422/)
    const task = await firstTask(appServer.url, 'taskStatus=cancelled')
    await page.goto(`/tasks/${task._id}`)
    await expectAppRunning(page)
    const panel = page.getByRole('dialog', { name: task.title })
    await choose(page, panel, 'Status', 'Erledigt')
    await panel.getByRole('button', { name: 'Aufgabe erledigen' }).click()
    await expect(panel.getByTestId('change-feedback')).toContainText('Die Aufgaben-API hat die Änderung abgelehnt.')
    await expect(panel.getByTestId('change-feedback')).toContainText('Task already completed or cancelled')
    await expect(panel.getByRole('combobox', { name: 'Status' })).toHaveText(/Storniert/)
  })
})

test('from a focused row, s, a and d open the task with that change’s control ready', async ({ page }) => {
  await page.goto('/tasks?tab=open&size=25')
  await expectAppRunning(page)
  const controls = [
    ['s', (_panel: Locator) => page.getByRole('option', { name: 'In review' })],
    ['a', (_panel: Locator) => page.getByRole('option', { name: 'Nobody' })],
    ['d', (panel: Locator) => panel.getByLabel('Due')],
  ] as const
  for (const [key, control] of controls) {
    const link = page.locator('a[data-task-link]').first()
    await link.focus()
    const title = (await link.textContent())!
    await page.keyboard.press(key)
    const panel = page.getByRole('dialog', { name: title })
    await expect(control(panel)).toBeVisible()
    if (key === 'd') await expect(control(panel)).toBeFocused()
    // Esc closes the list first (where one is open), then the task.
    while ((await panel.count()) > 0) await page.keyboard.press('Escape')
  }
})
