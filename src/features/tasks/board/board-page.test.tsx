import { screen, waitFor, within } from '@testing-library/react'
import { afterEach, expect, test } from 'vitest'
import { renderApp } from '../../../test/render-app.tsx'

afterEach(() => {
  window.localStorage.clear()
})

/** Rows of the table once it has settled on the view in the URL. */
async function settledRows() {
  const table = await screen.findByRole('table')
  await waitFor(() => expect(table.getAttribute('aria-busy')).toBe('false'), { timeout: 10_000 })
  await waitFor(() => expect(screen.getAllByTestId('task-row').length).toBeGreaterThan(0), { timeout: 10_000 })
  return { table, rows: screen.getAllByTestId('task-row') }
}

function titles(): string[] {
  return screen.getAllByTestId('task-row').map((row) => within(row).getAllByRole('link')[0]?.textContent ?? '')
}

test('the board page against the demo API: open, filter, sort, page and open a task', { timeout: 60_000 }, async () => {
  const app = renderApp('/tasks')
  expect(screen.getByRole('heading', { level: 1, name: 'Tasks' })).toBeDefined()

  // Open: the first page of active tasks, newest first.
  const { table } = await settledRows()
  expect(table.getAttribute('aria-rowcount')).toBe('51')
  expect(screen.getByRole('tab', { name: 'Active', selected: true })).toBeDefined()

  // Filter: a tab and the recurring filter reach the URL and the rows.
  await app.user.click(screen.getByRole('tab', { name: 'Open' }))
  await waitFor(() => expect(app.location().search).toBe('?tab=open'))
  await settledRows()
  const statuses = screen.getAllByTestId('task-row').map((row) => row.querySelector('.col-taskStatus')?.textContent)
  expect(new Set(statuses)).toEqual(new Set(['Open']))
  await app.user.selectOptions(screen.getByRole('combobox', { name: 'Recurring' }), 'true')
  await waitFor(() => expect(app.location().search).toBe('?tab=open&recurring=true'))
  await settledRows()
  expect(screen.getByRole('list', { name: 'Active filters' })).toBeDefined()

  // Sort: a header click sorts ascending by title; the rows come back in that order.
  await app.user.click(within(screen.getByRole('columnheader', { name: /Title/ })).getByRole('link'))
  await waitFor(() => expect(new URLSearchParams(app.location().search).get('sort')).toBe('title:asc'))
  await settledRows()
  const sorted = titles()
  // The order the API documents for text: German collation, numbers by value.
  const collator = new Intl.Collator('de', { sensitivity: 'accent', numeric: true })
  expect(sorted).toEqual([...sorted].sort(collator.compare))
  expect(within(table).getByRole('columnheader', { name: /Title/ }).getAttribute('aria-sort')).toBe('ascending')

  // Page: Next turns to page 2 once the board knows there is one.
  const firstPage = titles()
  const next = screen.getByRole('button', { name: 'Next' })
  await waitFor(() => expect(next.hasAttribute('disabled')).toBe(false), { timeout: 10_000 })
  await app.user.click(next)
  await waitFor(() => expect(new URLSearchParams(app.location().search).get('page')).toBe('2'))
  await settledRows()
  await waitFor(() => expect(titles()).not.toEqual(firstPage))

  // Open a task: its title link opens the panel over the board, keeping the view.
  const search = app.location().search
  const link = within(screen.getAllByTestId('task-row')[0]!).getAllByRole('link')[0]!
  const title = link.textContent ?? ''
  await app.user.click(link)
  const panel = await screen.findByRole('dialog', {}, { timeout: 10_000 })
  expect(app.location().pathname).toMatch(/^\/tasks\/[0-9a-f]{24}$/)
  expect(app.location().search).toBe(search)
  await waitFor(() => expect(within(panel).getByRole('heading', { name: title })).toBeDefined())
})
