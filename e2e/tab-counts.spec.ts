import type { Page, Response } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import { listAllTasks, type DemoTask } from './support/demo-tasks.ts'

const ACTIVE = ['new', 'open', 'in_progress', 'in_review']
const TABS: [string, (task: DemoTask) => boolean][] = [
  ['Active', (task) => ACTIVE.includes(task.taskStatus)],
  ['New', (task) => task.taskStatus === 'new'],
  ['Open', (task) => task.taskStatus === 'open'],
  ['In progress', (task) => task.taskStatus === 'in_progress'],
  ['In review', (task) => task.taskStatus === 'in_review'],
  ['Completed', (task) => task.taskStatus === 'completed'],
  ['Cancelled', (task) => task.taskStatus === 'cancelled'],
  ['All', () => true],
]

async function expectTabCounts(page: Page, tasks: DemoTask[]) {
  for (const [label, belongs] of TABS) {
    const count = tasks.filter(belongs).length.toLocaleString('en')
    await expect(page.getByRole('tab', { name: `${label} ${count}`, exact: true })).toBeVisible()
  }
}

const isCounts = (response: Response) => new URL(response.url()).pathname === '/app/counts'

test('every tab shows the number of tasks it holds, and the numbers follow the filters', async ({ page, request }) => {
  const tasks = await listAllTasks(request)
  await page.goto('/tasks')
  await expectTabCounts(page, tasks)

  await page.goto('/tasks?priority=urgent')
  await expectTabCounts(
    page,
    tasks.filter((task) => task.priority === 'urgent'),
  )
})

test('counts are asked for after the first rows, in one request for all tabs', async ({ page }) => {
  const order: string[] = []
  page.on('request', (request) => {
    const { pathname } = new URL(request.url())
    if (pathname === '/app/counts' || pathname === '/api/tasks/') order.push(pathname)
  })
  await page.goto('/tasks?q=a')
  await expect(page.getByRole('tab', { name: /^All \d/ })).toBeVisible()
  expect(order[0]).toBe('/api/tasks/')
  expect(order.filter((path) => path === '/app/counts')).toHaveLength(1)
})

test('a second dispatcher soon after is answered from the shared figures, with no new count', async ({
  browser,
  baseURL,
}) => {
  const first = await browser.newContext({ baseURL })
  const second = await browser.newContext({ baseURL })
  try {
    const url = '/tasks?priority=low&recurring=true'
    const firstPage = await first.newPage()
    const firstAnswer = firstPage.waitForResponse(isCounts)
    await firstPage.goto(url)
    const firstCounts = ((await (await firstAnswer).json()) as { counts: { asOf: number }[] }).counts

    const secondPage = await second.newPage()
    const secondAnswer = secondPage.waitForResponse(isCounts)
    await secondPage.goto(url)
    const secondCounts = ((await (await secondAnswer).json()) as { counts: { asOf: number }[] }).counts
    // A count taken again would carry the time it was taken; the same asOf is the first browser's figure.
    expect(secondCounts.map((count) => count.asOf)).toEqual(firstCounts.map((count) => count.asOf))
    await expect(secondPage.getByRole('tab', { name: /^Active \d/ })).toBeVisible()
  } finally {
    await first.close()
    await second.close()
  }
})
