import { clearFaults, injectFault } from './support/demo-faults.ts'
import { withHandingOverServer } from './support/handing-over-server.ts'
import { expect, expectAppRunning } from './fixtures.ts'

// Slow pages are a fault of the demo API: a server of its own with its faults on.
const test = withHandingOverServer({ DEMO_FAULTS: '1' })

test.afterEach(async ({ appServer }) => {
  await clearFaults(appServer.url)
})

test('an export under way shows how far it is, and Cancel stops it: the download is cut off, and the dialog says so', async ({
  page,
  appServer,
}) => {
  test.setTimeout(60_000)
  await page.goto('/tasks?tab=all')
  await expectAppRunning(page)
  await page.getByRole('button', { name: 'Export' }).click()
  const dialog = page.getByRole('dialog', { name: 'Export this view' })
  await expect(dialog.getByRole('status').first()).toHaveText(/^[\d,]+ tasks, about \d+ requests to the tasks API\.$/)
  // From now on every page of tasks takes five seconds to come.
  await injectFault(appServer.url, { path: '/tasks/', delayMs: 5000, count: 10 })
  const started = page.waitForEvent('download')
  await dialog.getByRole('link', { name: 'Download CSV' }).click()
  const download = await started
  const progress = dialog.getByRole('status').last()
  await expect(progress).toHaveText(/^(The file is being made…|Writing the file: [\d,]+ of [\d,]+ rows\.)$/)
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(progress).toHaveText('Cancelled: the download is cut off and is no whole file.')
  expect(await download.failure()).not.toBeNull()
  // The board goes on as before.
  await page.getByRole('button', { name: 'Close' }).click()
  await expect(page.getByTestId('task-row').first()).toBeVisible()
})
