import type { Page } from '@playwright/test'
import { collectTaskRows, expect, expectTaskRows, test } from './fixtures.ts'

const rows = (page: Page) => page.getByTestId('task-row')

test('the priority filter writes the URL, filters rows and shows a removable chip', async ({ page }) => {
  await page.goto('/tasks')
  await expect(rows(page).first()).toBeVisible()
  await page.getByRole('combobox', { name: 'Priority' }).click()
  await page.getByRole('listbox').getByRole('option', { name: 'Urgent' }).click()
  await page.keyboard.press('Escape')
  await expect(page).toHaveURL(/\/tasks\?priority=urgent$/)
  await expect(rows(page).first()).toBeVisible()
  await expect(rows(page).locator('td.col-priority').filter({ hasNotText: 'Urgent' })).toHaveCount(0)
  const chip = page.getByRole('list', { name: 'Active filters' }).getByText('Priority: Urgent')
  await expect(chip).toBeVisible()
  await page.getByRole('button', { name: 'Remove Priority: Urgent' }).click()
  await expect(page).toHaveURL(/\/tasks$/)
})

test('the assignee filter searches users and offers Unassigned and Me first', async ({ page }) => {
  await page.goto('/tasks')
  await page.getByRole('combobox', { name: 'Assignee' }).click()
  const options = page.getByRole('listbox').getByRole('option')
  await expect(options.nth(0)).toHaveText('Unassigned')
  await expect(options.nth(1)).toHaveText('Me')
  await page.getByRole('combobox', { name: 'Search assignee' }).fill('Unass')
  await expect(options).toHaveCount(1)
  await options.first().click()
  await page.keyboard.press('Escape')
  await expect(page).toHaveURL(/\/tasks\?assignee=unassigned$/)
  await expect(rows(page).first()).toBeVisible()
  await expect(rows(page).locator('td.col-assignee').filter({ hasNotText: 'Unassigned' })).toHaveCount(0)
})

test('"me" is sent as the id of the user the key belongs to', async ({ page, request }) => {
  const self = (await (await request.get('/api/users/self')).json()) as { _id: string }
  const listRequest = page.waitForRequest((req) => new URL(req.url()).pathname === '/api/tasks/')
  await page.goto('/tasks?tab=all&assignee=me')
  expect(new URL((await listRequest).url()).searchParams.get('userIds')).toBe(self._id)
})

test('the customer filter searches as you type', async ({ page }) => {
  await page.goto('/tasks?tab=all')
  await page.getByRole('combobox', { name: 'Customer' }).click()
  await expect(page.getByText('Type to search customers')).toBeVisible()
  await page.getByRole('combobox', { name: 'Search customer' }).fill('Kita')
  const option = page.getByRole('listbox').getByRole('option').first()
  await expect(option).toContainText('Kita')
  const name = (await option.textContent())!.trim()
  await option.click()
  await page.keyboard.press('Escape')
  await expect(page).toHaveURL(/customer=[0-9a-f]{24}/)
  await expect(page.getByRole('list', { name: 'Active filters' })).toContainText(`Customer: ${name}`)
})

test('Clear all removes every filter and keeps tab and sort', async ({ page }) => {
  await page.goto('/tasks?tab=open&q=a&priority=high&recurring=true&sort=title:asc')
  await expect(rows(page).first()).toBeVisible()
  await page.getByRole('button', { name: 'Clear all' }).click()
  await expect(page).toHaveURL(/\/tasks\?tab=open&sort=title:asc$/)
  await expect(page.getByRole('searchbox')).toHaveValue('')
})

test('the recurring filter keeps only tasks from recurring templates', async ({ page }) => {
  await page.goto('/tasks')
  await expect(rows(page).first()).toBeVisible()
  const filtered = page.waitForRequest(
    (req) => new URL(req.url()).searchParams.get('taskFromRecurringTemplate') === 'true',
  )
  await page.getByRole('combobox', { name: 'Recurring' }).selectOption('true')
  await expect(page).toHaveURL(/\/tasks\?recurring=true$/)
  await filtered
  await expect(page.getByRole('list', { name: 'Active filters' })).toContainText('Recurring only')
})

test('a refetch that adds and drops rows offers them instead of reshuffling', async ({ page }) => {
  await page.clock.install()
  let refetched = false
  await page.route(
    (url) => url.pathname === '/api/tasks/',
    async (route) => {
      const url = new URL(route.request().url())
      if (url.searchParams.get('offset') !== '0' || !refetched) return route.continue()
      const response = await route.fetch()
      const body = (await response.json()) as { _id: string; title: string }[]
      const [, ...rest] = body
      const added = { ...body[1]!, _id: 'f'.repeat(24), title: 'A task that just came in' }
      await route.fulfill({ response, json: [added, ...rest] })
    },
  )
  await page.goto('/tasks')
  await expectTaskRows(page, 50)
  // Which tasks, in which order: the times in them may move on with the clock meanwhile.
  const taskLinks = { selector: 'a[data-task-link]', attribute: 'href' }
  const before = await collectTaskRows(page, taskLinks)
  refetched = true
  await page.clock.fastForward('01:05')
  const notice = page.getByRole('status').filter({ hasText: '1 new · 1 changed' })
  await expect(notice).toBeVisible()
  expect(await collectTaskRows(page, taskLinks)).toEqual(before)
  await notice.getByRole('button', { name: 'Show' }).click()
  await expect(rows(page).first()).toContainText('A task that just came in')
  await expect(notice).toBeHidden()
})
