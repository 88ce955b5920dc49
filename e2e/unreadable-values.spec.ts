import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, expectTaskRows, test } from './fixtures.ts'
import { injectFault } from './support/demo-faults.ts'

// The demo's `mistypeRows` fault sends, for each of those rows, its number as title, 42 as taskStatus and
// the assignee's bare name as assignee; the app server turns them into its markers on the way.
const rows = (page: Page) => page.getByTestId('task-row')

test('values of the wrong kind show as unreadable, never as empty, and the tasks are counted', async ({
  page,
  appServer,
}) => {
  await injectFault(appServer.url, { path: '/tasks/', corruptRows: 1, mistypeRows: 3, count: 1 })
  await page.goto('/tasks')
  await expectTaskRows(page, 49)
  const notice = page.getByRole('status').filter({ hasText: 'could not be shown' })
  await expect(notice).toContainText('1 task could not be shown.')
  await expect(notice).toContainText('3 tasks have values the board could not read.')

  for (const index of [0, 1, 2]) {
    const row = rows(page).nth(index)
    const assignee = row.locator('td.col-assignee .unreadable')
    await expect(assignee).toHaveText(/^unreadable/)
    await expect(assignee).toHaveAttribute('title', 'The server sent a text here.')
    await expect(row.locator('td.col-assignee')).not.toContainText('Unassigned')
    const status = row.locator('td.col-taskStatus .unreadable')
    await expect(status).toHaveAttribute('title', 'The server sent a number here: “42”.')
    await expect(row.locator('td.col-taskStatus')).not.toContainText('—')
    await expect(row.getByRole('link')).toHaveAccessibleName(/^unreadable \(The server sent a number here: “\d+”\.\)$/)
  }
  await expect(rows(page).nth(3).locator('.unreadable')).toHaveCount(0)
})

test('the task panel spells out what arrived', async ({ page, appServer }) => {
  await page.goto('/tasks?tab=completed')
  const href = (await rows(page).first().getByRole('link').getAttribute('href'))!
  // The board's task path and the API's are the same: /tasks/{id}. Opened over the Active tab, where a
  // completed task is not, the panel reads `GET /tasks/{id}` rather than a row the list put in the cache.
  const path = new URL(href, appServer.url).pathname
  await injectFault(appServer.url, { path, mistypeRows: 1 })
  await page.goto(path)
  const panel = page.getByRole('dialog')
  await expect(panel.getByRole('heading', { name: 'unreadable' })).toBeVisible()
  const field = (label: string) =>
    panel.locator('.detail__field').filter({ has: page.getByText(label, { exact: true }) })
  await expect(field('Title')).toContainText(/unreadable\s*The server sent a number here: “\d+”\./)
  await expect(field('Status')).toContainText('The server sent a number here: “42”.')
  await expect(field('Assignee')).toContainText('The server sent a text here.')
  await expect(field('Assignee')).not.toContainText('Unassigned')
})

test.describe('a German browser', () => {
  test.use({ locale: 'de-DE' })

  test('reads “nicht lesbar” and the count in German', async ({ page, appServer }) => {
    await injectFault(appServer.url, { path: '/tasks/', mistypeRows: 3, count: 1 })
    await page.goto('/tasks')
    await expect(page.getByRole('status').filter({ hasText: 'nicht lesen' })).toContainText(
      '3 Aufgaben haben Werte, die die Liste nicht lesen konnte.',
    )
    const status = rows(page).first().locator('td.col-taskStatus .unreadable')
    await expect(status).toHaveText(/^nicht lesbar/)
    await expect(status).toHaveAttribute('title', 'Der Server hat hier eine Zahl gesendet: „42“.')
  })
})

for (const colorScheme of ['light', 'dark'] as const) {
  test(`unreadable values have no accessibility violations in ${colorScheme} mode`, async ({ page, appServer }) => {
    await page.emulateMedia({ colorScheme })
    await injectFault(appServer.url, { path: '/tasks/', mistypeRows: 3, count: 1 })
    await page.goto('/tasks?priority=urgent,high')
    await expect(rows(page).first().locator('.unreadable').first()).toBeVisible()
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
    expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes[0]?.target.join(' ')}`)).toEqual(
      [],
    )
  })
}
