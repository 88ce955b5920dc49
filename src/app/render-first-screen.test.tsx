// @vitest-environment node
// As the app server runs it: no window, no document, no storage.
import { hydrate, type DehydratedState } from '@tanstack/react-query'
import { expect, test } from 'vitest'
import { toWireParams } from '../features/tasks/api/list-query.ts'
import { taskTypeQueries } from '../features/tasks/api/queries.ts'
import { firstViewQuery } from '../features/tasks/board/prefetch-first-view.ts'
import type { FirstScreenRequest } from './first-screen-contract.ts'
import { createQueryClient } from './query-client.ts'
import { pageAttributes, renderFirstScreen } from './render-first-screen.tsx'

const DUE = Date.parse('2026-12-02T23:30:00Z')
const TASK = {
  _id: '0123456789abcdef01234567',
  number: 4711,
  title: 'Boiler service Hauptstraße 3',
  taskStatus: 'open',
  dueDate: DUE,
  status: { status: 1, createdAt: 1773829800000, createdBy: 'u1', lastModifiedAt: 1773829800000, lastModifiedBy: 'u1' },
}

function requestFor(
  search: string,
  { body = [TASK], ...rest }: Partial<Omit<FirstScreenRequest, 'handover'>> & { body?: unknown } = {},
): FirstScreenRequest {
  const query = firstViewQuery({ pathname: '/tasks', search })!
  return {
    pathname: '/tasks',
    search,
    handover: { request: toWireParams(query).toString(), totalCount: '1', body },
    display: null,
    taskTypes: null,
    acceptLanguage: 'en-GB,en;q=0.9',
    defaultTimeZone: 'UTC',
    ...rest,
  }
}

test('renders the board with the handed-over rows, read as the browser reads them', async () => {
  const screen = await renderFirstScreen(requestFor('?size=25'))
  expect(screen).not.toBeNull()
  expect(screen!.markup).toContain('data-testid="task-row"')
  expect(screen!.markup).toContain('Boiler service Hauptstraße 3')
  expect(screen!.markup).toMatch(/<h1>Tasks<\/h1>/)
  expect(screen!.screen).toMatchObject({ locale: 'en', timeZone: 'UTC', stored: {}, windowWidth: 'wide' })
})

test('hostile text in a row is text in the markup', async () => {
  const title = '</script><img src=x onerror="alert(1)"><!--'
  const screen = await renderFirstScreen(requestFor('?size=25', { body: [{ ...TASK, title }] }))
  expect(screen!.markup).toContain('&lt;/script&gt;&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&lt;!--')
  expect(screen!.markup).not.toContain('<img src=x')
})

test('dates are in the zone the browser said, else in the server’s default', async () => {
  const dueTitle = (markup: string) => /<time class="due[^"]*" dateTime="[^"]+" title="([^"]+)"/.exec(markup)?.[1]
  const berlin = await renderFirstScreen(
    requestFor('?size=25', { display: { stored: {}, timeZone: 'Europe/Berlin', windowWidth: 'wide' } }),
  )
  expect(dueTitle(berlin!.markup)).toBe('Dec 3, 2026, 12:30 AM')
  expect(berlin!.screen.timeZone).toBe('Europe/Berlin')
  const utc = await renderFirstScreen(requestFor('?size=25'))
  expect(dueTitle(utc!.markup)).toBe('Dec 2, 2026, 11:30 PM')
})

test('German from Accept-Language; a language chosen in the board wins over it', async () => {
  const german = await renderFirstScreen(requestFor('?size=25', { acceptLanguage: 'de-CH;q=0.9, fr;q=0.8' }))
  expect(german!.markup).toMatch(/<h1>Aufgaben<\/h1>/)
  expect(german!.screen.locale).toBe('de')
  const chosen = await renderFirstScreen(
    requestFor('?size=25', {
      acceptLanguage: 'de',
      display: { stored: { locale: 'en' }, timeZone: 'UTC', windowWidth: 'wide' },
    }),
  )
  expect(chosen!.markup).toMatch(/<h1>Tasks<\/h1>/)
  expect(
    pageAttributes({ stored: { locale: 'en', theme: 'dark' }, timeZone: 'UTC', windowWidth: 'wide' }, 'de'),
  ).toEqual({ lang: 'en', theme: 'dark' })
  expect(pageAttributes(null, 'de-DE')).toEqual({ lang: 'de', theme: null })
  expect(pageAttributes({ stored: { theme: 'neon' }, timeZone: 'UTC', windowWidth: 'wide' }, undefined)).toEqual({
    lang: 'en',
    theme: null,
  })
})

test('the stored column choice and density are the browser’s, as its cookie said', async () => {
  const columns = JSON.stringify({ shown: ['customer'], density: 'compact', widths: {} })
  const chosen = await renderFirstScreen(
    requestFor('?size=25', { display: { stored: { columns }, timeZone: 'UTC', windowWidth: 'wide' } }),
  )
  // The next browser, without a choice, gets the defaults, not the last render's columns.
  const plain = await renderFirstScreen(requestFor('?size=25'))
  const headers = (markup: string) =>
    [...markup.matchAll(/<th scope="col" class="col-([\w-]+)"/g)].map((match) => match[1])
  expect(headers(chosen!.markup)).toContain('customer')
  expect(headers(plain!.markup)).not.toContain('customer')
  expect(headers(plain!.markup)).toContain('title')
  expect(chosen!.markup).toContain('tasks-table--compact')
  expect(plain!.markup).toContain('tasks-table--comfortable')
  expect(chosen!.screen.stored).toEqual({ columns })
})

test('nothing is rendered from an answer to another request, or one the board cannot read', async () => {
  const other = requestFor('?size=25')
  expect(await renderFirstScreen({ ...other, search: '?size=50' })).toBeNull()
  expect(await renderFirstScreen(requestFor('?size=25', { body: { not: 'a list' } }))).toBeNull()
  expect(await renderFirstScreen({ ...other, pathname: '/workload' })).toBeNull()
})

test('the rows rendered are those that fill the window the browser last had', async () => {
  const tasks = Array.from({ length: 50 }, (_, index) => ({
    ...TASK,
    _id: index.toString(16).padStart(24, '0'),
    title: `Task ${index}`,
  }))
  const rowsFor = async (windowHeight?: number) => {
    const display = { stored: {}, timeZone: 'UTC', windowWidth: 'wide' as const, windowHeight }
    const screen = await renderFirstScreen(requestFor('?size=50', { body: tasks, display }))
    return { rows: screen!.markup.split('data-testid="task-row"').length - 1, frame: screen!.screen.frameHeight }
  }
  const unknown = await rowsFor(undefined)
  const short = await rowsFor(400)
  const tall = await rowsFor(2000)
  expect(short.frame).toBe(400)
  expect(tall.frame).toBe(2000)
  expect(short.rows).toBeLessThan(unknown.rows)
  expect(unknown.rows).toBeLessThan(tall.rows)
  expect(tall.rows).toBeLessThanOrEqual(50)
})

test('with the task types, identifiers are whole, and the types go to the browser dehydrated', async () => {
  const type = { _id: '89abcdef0123456789abcdef', name: 'Repair', prefix: 'REP', color: '#e8590c' }
  const task = { ...TASK, taskTypeId: type._id }
  const without = await renderFirstScreen(requestFor('?size=25', { body: [task] }))
  expect(without!.markup).not.toContain('REP-4711')
  expect(without!.queries).toBeNull()
  const screen = await renderFirstScreen(requestFor('?size=25', { body: [task], taskTypes: [type] }))
  expect(screen!.markup).toContain('REP-4711')
  // The browser's client, hydrated from it, holds what the render read, under the board's own key.
  const browser = createQueryClient()
  hydrate(browser, JSON.parse(JSON.stringify(screen!.queries)) as DehydratedState)
  expect(browser.getQueryData(taskTypeQueries.list().queryKey)).toEqual([type])
  expect(browser.getQueryCache().getAll()).toHaveLength(1)
  // An answer that cannot be read is left out: the board asks for the types itself.
  const unreadable = await renderFirstScreen(requestFor('?size=25', { body: [task], taskTypes: { data: [] } }))
  expect(unreadable!.queries).toBeNull()
})
