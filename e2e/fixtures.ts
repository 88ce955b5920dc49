import { test as base, expect, type Page } from '@playwright/test'
import { APP_RUNNING_MARK } from '../src/shared/first-screen-contract.ts'
import { startAppProcess, type AppProcess } from '../server/testing/start-app.ts'

export interface WorkerFixtures {
  /** The app server in demo mode, one per worker, on a free port. */
  appServer: AppProcess
}

export interface TestFixtures {
  /**
   * Console errors and uncaught exceptions fail the test, except those a test
   * expects (the browser logs every 4xx/5xx response it receives) and allows.
   */
  consoleErrors: { allow: (pattern: RegExp) => void }
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  appServer: [
    async ({}, use) => {
      // Every test opens boards with filters of its own, each a fresh count: the default budget would turn
      // counts into lower bounds halfway through a run (the budget itself is tested in server/counts/).
      // The tests of failing and odd answers inject faults into the board's own first request; a first view handed
      // over with the page would take the fault instead. first-view.spec.ts tests the handover on a server of its own.
      const server = await startAppProcess({
        env: { DEMO_FAULTS: '1', COUNT_BUDGET_PER_MINUTE: '100000', FIRST_VIEW_WAIT_MS: '0' },
      })
      await use(server)
      await server.stop()
    },
    // Starting includes opening the store, which a loaded machine can stretch well past one test's timeout.
    { scope: 'worker', timeout: 90_000 },
  ],
  baseURL: async ({ appServer }, use) => {
    await use(appServer.url)
  },
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = []
      const allowed: RegExp[] = []
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text())
      })
      page.on('pageerror', (error) => errors.push(`Uncaught: ${error.message}`))
      await use({ allow: (pattern) => allowed.push(pattern) })
      const unexpected = errors.filter((text) => !allowed.some((pattern) => pattern.test(text)))
      expect(unexpected, 'console errors during the test').toEqual([])
    },
    { auto: true },
  ],
})

export { expect }

/**
 * Waits until the board's scripts have taken over the page: a page whose first
 * screen the server rendered shows rows before, but does nothing with a key or
 * a click until then.
 */
export async function expectAppRunning(page: Page): Promise<void> {
  await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, APP_RUNNING_MARK)
}

/**
 * Asserts how many tasks the table holds. Only the rows near the frame are
 * rendered, so the count is the one the table announces to assistive tech
 * (`aria-rowcount`, header row included), checked against a rendered first row.
 */
export async function expectTaskRows(page: Page, count: number): Promise<void> {
  const table = page.locator('table.tasks-table')
  // Settled, not the previous view's rows still shown while the new ones load.
  await expect(table).toHaveAttribute('aria-busy', 'false')
  await expect(table).toHaveAttribute('aria-rowcount', String(count + 1))
  if (count > 0) await expect(page.getByTestId('task-row').first()).toHaveAttribute('aria-rowindex', '2')
}

/**
 * Every row of the page, in order, read while scrolling the frame through
 * all of them (only the rows near the frame are rendered at any moment).
 * Reads each row's text, or `selector`'s text / `attribute` within the row.
 */
export async function collectTaskRows(
  page: Page,
  pick: { selector?: string; attribute?: string } = {},
): Promise<string[]> {
  const frame = page.locator('.table-wrap')
  const read = () =>
    frame.evaluate((element, { selector, attribute }) => {
      const found: [number, string][] = []
      for (const row of element.querySelectorAll<HTMLElement>('[data-testid="task-row"]')) {
        const target = selector ? row.querySelector(selector) : row
        const value = attribute ? target?.getAttribute(attribute) : target?.textContent
        found.push([Number(row.getAttribute('aria-rowindex')), value ?? ''])
      }
      return { found, step: element.clientHeight / 2, end: element.scrollHeight }
    }, pick)
  const seen = new Map<number, string>()
  const start = await frame.evaluate((element) => element.scrollTop)
  const announced = Number(await page.locator('table.tasks-table').getAttribute('aria-rowcount')) - 1
  for (let top = 0; ;) {
    await frame.evaluate((element, to) => element.scrollTo({ top: to }), top)
    // Rows follow the scroll a frame later.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
    const { found, step, end } = await read()
    for (const [index, value] of found) seen.set(index, value)
    expect(step, 'the table frame has a height').toBeGreaterThan(0)
    top += step
    if (top >= end) break
  }
  await frame.evaluate((element, to) => element.scrollTo({ top: to }), start)
  const indexes = [...seen.keys()].sort((a, b) => a - b)
  expect(indexes, 'row places without gaps').toEqual(indexes.map((_, offset) => offset + 2))
  expect(indexes.length, 'every row the table announces').toBe(announced)
  return indexes.map((index) => seen.get(index)!)
}

/**
 * Waits until the board has asked for the next page (it does when the browser
 * is idle; Next turns enabled), so that a fault set afterwards meets the
 * request the test makes next, not that one.
 */
export async function expectNextPageKnown(page: Page): Promise<void> {
  await expect(page.getByRole('button', { name: 'Next' })).toBeEnabled()
}
