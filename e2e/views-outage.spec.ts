import { startPostgresCluster, type PostgresCluster } from '../server/store/postgres-cluster.ts'
import { expect, expectAppRunning, test } from './fixtures.ts'
import { openViewsByKey, saveView } from './support/saved-views.ts'
import { startAppProcess, type AppProcess } from '../server/testing/start-app.ts'

// An app server on a PostgreSQL server of its own, which the test stops and starts again.
let cluster: PostgresCluster
let app: AppProcess

test.beforeAll(async () => {
  test.setTimeout(60_000)
  cluster = await startPostgresCluster()
  app = await startAppProcess({ env: { DATABASE_URL: cluster.url } })
  await expect.poll(() => app.output(), { timeout: 20_000 }).toContain('Store ready: PostgreSQL')
})

test.afterAll(async () => {
  await app?.stop()
  await cluster?.destroy()
})

test('the database going away: the board keeps working, views and a failed save say so and keep the name; back, nothing is lost', async ({
  page,
  consoleErrors,
}) => {
  test.setTimeout(90_000)
  // The browser logs each answer the store's endpoints give while it is away.
  consoleErrors.allow(/status of 503/)
  await page.goto(`${app.url}/tasks?tab=all&priority=urgent`)
  await expect(page.getByTestId('task-row').first()).toBeVisible()
  await expectAppRunning(page)
  await saveView(page, 'Before the outage')
  await page.getByRole('button', { name: 'Make default' }).click()
  await expect(page.getByRole('button', { name: 'Remove default' })).toBeVisible()

  await cluster.stop()
  // A bare /tasks cannot learn the default view: it opens the board as it is.
  await page.goto(`${app.url}/tasks`)
  await expect(page.getByTestId('task-row').first()).toBeVisible()
  await expect(page).toHaveURL(/\/tasks$/)
  await expectAppRunning(page)
  await page.getByRole('tab', { name: /^Open/ }).click()
  await expect(page).toHaveURL(/\/tasks\?tab=open$/)
  await expect(page.locator('table.tasks-table')).toHaveAttribute('aria-busy', 'false')
  await expect(page.getByTestId('task-row').first()).toBeVisible()

  const menu = await openViewsByKey(page)
  await expect(menu.getByRole('alert')).toContainText('Saved views are unavailable right now; the board keeps working.')
  await menu.getByLabel('Name').fill('During the outage')
  await menu.getByRole('button', { name: 'Save view' }).click()
  await expect(menu.getByRole('alert').filter({ hasText: 'The view was not saved' })).toContainText(
    'The view was not saved; what you typed is kept. Saved views are unavailable: the database cannot be reached.',
  )
  await expect(menu.getByLabel('Name')).toHaveValue('During the outage')

  await cluster.start()
  await menu.getByRole('button', { name: 'Save view' }).click()
  await expect(menu.getByRole('status')).toHaveText('Saved.', { timeout: 20_000 })
  await expect(menu.getByRole('option', { name: 'During the outage' })).toBeVisible()
  await expect(menu.getByRole('option', { name: 'Before the outage' })).toBeVisible()

  // Nothing saved before was lost: the default view opens again on a bare /tasks.
  await page.goto(`${app.url}/tasks`)
  await expect(page).toHaveURL(/\/tasks\?tab=all&priority=urgent$/)
  await expect(page.getByText('View “Before the outage” · your default view')).toBeVisible()
})
