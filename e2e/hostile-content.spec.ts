import { expect, expectTaskRows, test } from './fixtures.ts'

const SCRIPT = '<script>window.__pwned = 1</script>'
const IMG = '<img src=x onerror="window.__pwned = 1">'
const LONG_TITLE = `${IMG} ${'Sehr lange Aufgabe mit vielen Wörtern '.repeat(8)}`.slice(0, 300)

test('hostile text in every field renders as plain text and breaks no layout', async ({ page }) => {
  let dialogs = 0
  page.on('dialog', (dialog) => {
    dialogs += 1
    void dialog.dismiss()
  })
  await page.route(
    (url) => url.pathname === '/api/tasks/',
    async (route) => {
      const response = await route.fetch()
      const [first, ...rest] = (await response.json()) as Record<string, unknown>[]
      const hostile = {
        ...first,
        title: LONG_TITLE,
        description: `${SCRIPT}\nZweite Zeile ${IMG}\nשלום עולם — مرحبا 👷‍♀️🔥`,
        contactPerson: SCRIPT,
        email: 'a"onmouseover="alert(1)@example.com',
        telephone: 'javascript:alert(1)',
        tags: [SCRIPT, IMG, '🧯 Feuerlöscher', 'שלום'],
        priority: '<b>urgent</b>',
        taskStatus: '<i>hacked</i>',
        assignee: { entityId: 'a'.repeat(24), name: `${IMG} Mallory`, profilePicture: 'javascript:alert(1)' },
        completionResponse: IMG,
      }
      await route.fulfill({ response, json: [hostile, ...rest] })
    },
  )
  await page.goto('/tasks')
  const rows = page.getByTestId('task-row')
  await expectTaskRows(page, 50)
  const row = rows.first()
  await expect(row).toContainText('<img src=x onerror=')
  await expect(row).toContainText('<i>hacked</i>')
  await expect(row).toContainText('<b>urgent</b>')
  await expect(row.locator('img')).toHaveCount(0)
  // One line per row, however long or strange the title.
  const heights = await rows.evaluateAll((elements) => elements.slice(0, 5).map((element) => element.clientHeight))
  expect(new Set(heights).size).toBe(1)
  // The page never scrolls sideways; a table too wide for the window scrolls inside its frame.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    page.viewportSize()!.width,
  )

  await row.getByRole('link').click()
  const dialog = page.getByRole('dialog')
  await expect(dialog).toContainText('Zweite Zeile <img src=x')
  await expect(dialog).toContainText('שלום עולם')
  await expect(dialog.getByRole('link', { name: 'javascript:alert(1)' })).toHaveAttribute('href', /^tel:/)
  await expect(dialog.getByRole('link', { name: /onmouseover/ })).toHaveAttribute('href', /^mailto:a%22onmouseover/)
  await expect(dialog.locator('img[src="x"], script')).toHaveCount(0)
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined()
  expect(dialogs).toBe(0)
})
