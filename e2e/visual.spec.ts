import type { Locator, Page } from '@playwright/test'
import { expect, expectTaskRows, test } from './fixtures.ts'
import { axeViolations } from './support/axe-violations.ts'
import { injectFault } from './support/demo-faults.ts'

/**
 * Screens a dispatcher sees, in light and dark: each is saved as a PNG (see
 * test-results) and checked for layout breakage by geometry — nothing wider
 * than the window, the page's bands in order without overlap, one row height,
 * overlays inside the window, due times and titles whole — and by axe.
 */
async function box(locator: Locator) {
  const bounds = await locator.boundingBox()
  expect(bounds, 'element is laid out').not.toBeNull()
  return bounds!
}

async function expectNoSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    page.viewportSize()!.width,
  )
}

async function expectBandsInOrder(page: Page) {
  // Title, search and settings share the first band.
  const bands = [
    page.locator('.board__header'),
    page.getByRole('group', { name: 'Filters' }),
    page.getByRole('tablist'),
    page.getByRole('table'),
  ]
  let bottom = 0
  for (const band of bands) {
    const bounds = await box(band)
    expect(bounds.y, 'bands do not overlap').toBeGreaterThanOrEqual(bottom - 1)
    bottom = bounds.y + bounds.height
  }
}

async function expectInsideWindow(page: Page, locator: Locator) {
  const bounds = await box(locator)
  const { width, height } = page.viewportSize()!
  expect(bounds.x).toBeGreaterThanOrEqual(0)
  expect(bounds.y).toBeGreaterThanOrEqual(0)
  expect(bounds.x + bounds.width).toBeLessThanOrEqual(width + 1)
  expect(bounds.y + bounds.height).toBeLessThanOrEqual(height + 1)
}

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`) })
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme}`, () => {
    test.use({ colorScheme, viewport: { width: 1280, height: 800 } })

    test('the board', async ({ page }) => {
      await page.goto('/tasks?priority=urgent,high')
      const rows = page.getByTestId('task-row')
      await expectTaskRows(page, 50)
      await expectNoSidewaysScroll(page)
      await expectBandsInOrder(page)
      const heights = await rows.evaluateAll((elements) => elements.map((element) => element.clientHeight))
      expect(new Set(heights).size, 'every row has one height').toBe(1)
      const headerHeights = await page
        .getByRole('columnheader')
        .evaluateAll((cells) => cells.map((cell) => cell.clientHeight))
      expect(Math.max(...headerHeights), 'headers stay on one line').toBeLessThan(48)
      await shoot(page, `board-${colorScheme}`)
    })

    test('a filter menu', async ({ page }) => {
      await page.goto('/tasks')
      await expect(page.getByTestId('task-row').first()).toBeVisible()
      await page.getByRole('combobox', { name: 'Assignee', exact: true }).click()
      const listbox = page.getByRole('listbox')
      await expect(listbox).toBeVisible()
      await expectInsideWindow(page, listbox)
      const button = await box(page.getByRole('combobox', { name: 'Assignee', exact: true }))
      expect((await box(listbox)).y, 'the menu opens below its button').toBeGreaterThanOrEqual(button.y + button.height)
      await shoot(page, `filter-menu-${colorScheme}`)
    })

    test('the task detail', async ({ page }) => {
      await page.goto('/tasks?tab=completed')
      await page.getByTestId('task-row').first().getByRole('link').click()
      const dialog = page.getByRole('dialog')
      await expect(dialog.getByRole('heading', { name: 'Description', exact: true })).toBeVisible()
      const bounds = await box(dialog)
      const { width, height } = page.viewportSize()!
      expect(Math.round(bounds.x + bounds.width), 'the panel sits on the right edge').toBe(width)
      expect(Math.round(bounds.height), 'the panel is full height').toBe(height)
      await expectNoSidewaysScroll(page)
      await shoot(page, `detail-${colorScheme}`)
    })

    test('the empty state', async ({ page }) => {
      await page.goto('/tasks?q=zzzz-no-such-task')
      const empty = page.getByText('No tasks match these filters.')
      await expect(empty).toBeVisible()
      const table = await box(page.getByRole('table'))
      const notice = await box(page.locator('.empty'))
      expect(notice.y).toBeGreaterThanOrEqual(table.y + table.height - 1)
      expect(Math.abs(notice.width - table.width)).toBeLessThan(4)
      await expectNoSidewaysScroll(page)
      await shoot(page, `empty-${colorScheme}`)
    })

    test('the error state', async ({ page, appServer, consoleErrors }) => {
      consoleErrors.allow(/status of 503/)
      await injectFault(appServer.url, { path: '/tasks/', status: 503, message: 'Wartung bis 06:00', count: 2 })
      await page.goto('/tasks')
      const alert = page.getByRole('alert')
      await expect(alert).toBeVisible()
      await expectBandsInOrder(page)
      const tabs = await box(page.getByRole('tablist'))
      expect((await box(alert)).y).toBeGreaterThanOrEqual(tabs.y + tabs.height - 1)
      await expectNoSidewaysScroll(page)
      await shoot(page, `error-${colorScheme}`)
    })
  })
}

/** Texts of rendered cells matching `selector` whose content is wider or taller than the cell shows. */
async function cutTexts(page: Page, selector: string): Promise<string[]> {
  return page
    .locator(selector)
    .evaluateAll((elements) =>
      elements
        .filter(
          (element) => element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 1,
        )
        .map((element) => element.textContent ?? ''),
    )
}

const WIDTHS = [
  { width: 1440, height: 900 },
  { width: 1280, height: 800 },
  { width: 1024, height: 768 },
  { width: 390, height: 844 },
] as const

for (const viewport of WIDTHS) {
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const locale of ['en-US', 'de-DE'] as const) {
      test.describe(`${viewport.width} px, ${colorScheme}, ${locale}`, () => {
        test.use({ viewport, colorScheme, locale })

        test('every due time and title reads whole, one row height, no sideways scroll, axe clean', async ({
          page,
        }) => {
          // Most overdue first: the longest due texts ("overdue 45d · 12:00 AM").
          await page.goto('/tasks?sort=dueDate:asc')
          await expectTaskRows(page, 50)
          await expectNoSidewaysScroll(page)
          const dueCells = page.locator('td.col-dueDate')
          expect(await dueCells.count()).toBeGreaterThan(5)
          await expect(dueCells.first()).toContainText(locale === 'en-US' ? 'overdue' : 'überfällig')
          expect(await cutTexts(page, 'td.col-dueDate'), 'due texts cut').toEqual([])
          if (viewport.width >= 1280) {
            const titles = await page.locator('a.title').allTextContents()
            expect(titles.some((title) => title.length > 40)).toBe(true)
            const cut = await cutTexts(page, 'a.title')
            expect(
              cut.filter((title) => title.length <= 60),
              'titles up to 60 characters cut',
            ).toEqual([])
          }
          const heights = await page
            .getByTestId('task-row')
            .evaluateAll((rows) => rows.map((row) => row.getBoundingClientRect().height))
          expect(new Set(heights).size, 'every row has one height').toBe(1)
          expect(await axeViolations(page)).toEqual([])
          await shoot(page, `board-${viewport.width}-${colorScheme}-${locale}`)
        })
      })
    }
  }
}

test.describe('compact rows', () => {
  test.use({ viewport: { width: 1280, height: 800 } })

  test('at least 15 rows show at 1280 × 800', async ({ page }) => {
    await page.addInitScript(() =>
      localStorage.setItem('task-board.columns', JSON.stringify({ shown: [], density: 'compact' })),
    )
    await page.goto('/tasks')
    await expectTaskRows(page, 50)
    const frame = await box(page.locator('.table-wrap'))
    const whole = await page
      .getByTestId('task-row')
      .evaluateAll(
        (rows, bottom) => rows.filter((row) => row.getBoundingClientRect().bottom <= bottom + 1).length,
        frame.y + frame.height,
      )
    expect(whole).toBeGreaterThanOrEqual(15)
    await expectNoSidewaysScroll(page)
    await shoot(page, 'board-compact-1280')
  })
})

// `DOCS_SCREENSHOTS=1 npx playwright test e2e/visual.spec.ts -g README` rewrites the README's pictures.
test.describe('README screenshots', () => {
  test.skip(!process.env.DOCS_SCREENSHOTS, 'only when asked to rewrite docs/')
  for (const { name, viewport } of [
    { name: 'board', viewport: { width: 1280, height: 800 } },
    { name: 'board-phone', viewport: { width: 390, height: 844 } },
  ]) {
    test.describe(name, () => {
      test.use({ viewport, colorScheme: 'light', locale: 'en-US' })
      test(`docs/${name}.png`, async ({ page }) => {
        await page.goto('/tasks?priority=urgent,high')
        await expectTaskRows(page, 50)
        await page.screenshot({ path: `docs/${name}.png` })
      })
    })
  }
})
