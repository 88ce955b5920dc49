import type { Browser } from '@playwright/test'

export interface TabCountsRun {
  /** Navigation start → first task row in the DOM. */
  firstRow: number
  /** Navigation start → every tab shows a count. */
  allCounts: number
  /** Requests to `/app/counts` the board made for them. */
  countRequests: number
}

/**
 * Filter sets the app server has not counted yet in this bench (one per
 * run, warm-up included), so every run times a fresh count, not the
 * server's minute cache.
 */
const FRESH_VIEWS = [
  'priority=low',
  'priority=medium',
  'priority=high',
  'priority=urgent',
  'priority=low,medium',
  'priority=medium,high',
  'priority=high,urgent',
  'priority=low,urgent',
  'recurring=true',
  'recurring=false',
  'priority=low,high',
  'priority=medium,urgent',
]

/** The `run`-th fresh board, timed until every tab shows its count. */
export async function runTabCounts(browser: Browser, origin: string, run: number): Promise<TabCountsRun> {
  const view = FRESH_VIEWS[run % FRESH_VIEWS.length]!
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  try {
    const page = await context.newPage()
    let countRequests = 0
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/app/counts') countRequests += 1
    })
    await page.goto(`${origin}/tasks?${view}`)
    const timeOf = (selector: string, count: number) =>
      page
        .waitForFunction(
          ({ selector, count }) => (document.querySelectorAll(selector).length >= count ? performance.now() : false),
          { selector, count },
          { polling: 'raf', timeout: 60_000 },
        )
        .then((handle) => handle.jsonValue() as Promise<number>)
    const tabs = await page.locator('[role="tab"]').count()
    const [firstRow, allCounts] = await Promise.all([
      timeOf('[data-testid="task-row"]', 1),
      timeOf('[role="tab"] .tabs__count', tabs),
    ])
    return { firstRow, allCounts, countRequests }
  } finally {
    await context.close()
  }
}
