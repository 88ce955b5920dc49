import { expect, expectAppRunning, test } from './fixtures.ts'
import { listAllTasks } from './support/demo-tasks.ts'
import { parseTimestamp } from '../src/shared/tasks/api/schemas.ts'

test('from the workload, a person’s day sheet: their tasks due today by time, a week, and a PDF to print', async ({
  page,
  request,
}) => {
  test.setTimeout(60_000)
  await page.goto('/workload')
  await expectAppRunning(page)
  const sheetLink = page.getByRole('link', { name: /^Day sheet of / }).first()
  const name = (await sheetLink.getAttribute('aria-label'))!.replace('Day sheet of ', '')
  await sheetLink.click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Day sheet: ${name}`)
  const assignee = new URL(page.url()).searchParams.get('assignee')!

  // The same tasks the API holds for that person: active, due today in the board's zone.
  const zone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)
  const dayOf = (epochMs: number) => new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(epochMs)
  const today = dayOf(Date.now())
  const tasks = await listAllTasks(request, `userIds=${assignee}&taskStatus=new,open,in_progress,in_review`)
  const dueToday = tasks.filter((task) => {
    // Due dates come as epoch ms, seconds or ISO text: read as the board reads them.
    const due = parseTimestamp(task.dueDate)
    return due !== null && dayOf(due) === today
  })
  await expect(page.getByRole('heading', { level: 2 }).last()).toContainText(
    dueToday.length === 1 ? '1 task' : `${dueToday.length} tasks`,
  )
  await expect(page.getByRole('note', { name: 'Notes' }).first()).toBeVisible()

  // The week starts today too: the same overdue tasks first (if any), then seven days.
  const overdue = await page.getByRole('heading', { level: 2, name: /^Overdue · / }).count()
  await page.getByRole('link', { name: 'A week' }).click()
  await expect(page).toHaveURL(/days=7/)
  await expect(page.getByRole('heading', { level: 2 })).toHaveCount(overdue + 7)

  // Printed by Chromium: the sheet alone, as a PDF.
  await page.emulateMedia({ media: 'print' })
  await expect(page.getByRole('button', { name: 'Print' })).toBeHidden()
  const pdf = await page.pdf({ format: 'A4' })
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
  expect(pdf.length).toBeGreaterThan(10_000)
})

test('a board filtered to one person offers their day sheet; a board of several does not', async ({ page }) => {
  await page.goto('/tasks?assignee=me')
  await expectAppRunning(page)
  await page.getByRole('link', { name: 'Day sheet' }).click()
  await expect(page).toHaveURL(/\/day-sheet\?assignee=me&days=1$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Day sheet: /)
  await page.goto('/tasks?assignee=me,unassigned')
  await expectAppRunning(page)
  await expect(page.getByRole('link', { name: 'Workload' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Day sheet' })).toHaveCount(0)
  // A mangled link names nobody: a sentence and the way back, no error.
  await page.goto('/day-sheet?assignee=%3Cscript%3Ealert(1)%3C%2Fscript%3E')
  await expect(page.getByText('This link names no person.')).toBeVisible()
  await page.getByRole('link', { name: 'Back to the tasks' }).click()
  await expect(page).toHaveURL(/\/tasks$/)
})

test.describe('a German browser', () => {
  test.use({ locale: 'de-DE' })

  test('gets the day sheet in German', async ({ page }) => {
    await page.goto('/day-sheet?assignee=me')
    await expectAppRunning(page)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Tagesblatt: /)
    await expect(page.getByRole('button', { name: 'Drucken' })).toBeVisible()
  })
})
