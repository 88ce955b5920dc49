import type { Page } from '@playwright/test'

/** Notes, on the page's own clock, when the first task row is inserted (call before the page loads). */
export async function markFirstRow(page: Page): Promise<void> {
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (!document.querySelector('[data-testid="task-row"]')) return
      document.documentElement.dataset.firstRowAt = String(performance.now())
      observer.disconnect()
    }).observe(document, { childList: true, subtree: true })
  })
}

/** Whether `markFirstRow` saw the first row. */
export async function firstRowMarked(page: Page): Promise<boolean> {
  return Number.isFinite(await page.evaluate(() => Number(document.documentElement.dataset.firstRowAt)))
}

/** Every script the page fetched, and whether it was asked for before the first row showed. */
export function scriptLoads(page: Page): Promise<{ path: string; beforeRows: boolean }[]> {
  return page.evaluate(() => {
    const firstRowAt = Number(document.documentElement.dataset.firstRowAt)
    return performance
      .getEntriesByType('resource')
      .filter((entry) => new URL(entry.name).pathname.endsWith('.js'))
      .map((entry) => ({ path: new URL(entry.name).pathname, beforeRows: entry.startTime < firstRowAt }))
  })
}

/** The paths of every script the page fetched, in one string to match against. */
export async function scriptPaths(page: Page): Promise<string> {
  return (await scriptLoads(page)).map((script) => script.path).join(' ')
}
