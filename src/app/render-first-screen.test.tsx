// @vitest-environment node
// As the app server runs it: no window, no document, no storage.
import { hydrate, type DehydratedState } from '@tanstack/react-query'
import { expect, test } from 'vitest'
import { toWireParams } from '../shared/tasks/api/list-query.ts'
import { taskQueries, taskTypeQueries, userQueries } from '../features/tasks/api/queries.ts'
import { readTaskPage } from '../features/tasks/api/tasks-api.ts'
import { firstViewQuery } from '../features/tasks/board/prefetch-first-view.ts'
import type { FirstScreen, FirstScreenRequest } from '../shared/first-screen-contract.ts'
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
  {
    body = [TASK],
    taskTypes = null,
    self = null,
    ...rest
  }: Partial<Omit<FirstScreenRequest, 'answers'>> & { body?: unknown; taskTypes?: unknown; self?: unknown } = {},
): FirstScreenRequest {
  const query = firstViewQuery({ pathname: '/tasks', search }, (self as { _id?: string } | null)?._id)!
  return {
    pathname: '/tasks',
    search,
    answers: { request: toWireParams(query).toString(), totalCount: '1', body, taskTypes, self },
    display: null,
    acceptLanguage: 'en-GB,en;q=0.9',
    mobile: false,
    defaultTimeZone: 'UTC',
    ...rest,
  }
}

test('renders the board with the handed-over rows, read as the browser reads them', async () => {
  const screen = await renderFirstScreen(requestFor('?size=25'))
  expect(screen).not.toBeNull()
  expect(screen!.rendered!.markup).toContain('data-testid="task-row"')
  expect(screen!.rendered!.markup).toContain('Boiler service Hauptstraße 3')
  expect(screen!.rendered!.markup).toMatch(/<h1>Tasks<\/h1>/)
  expect(screen!.rendered!.screen).toMatchObject({ locale: 'en', timeZone: 'UTC', stored: {}, windowWidth: 'wide' })
})

test('hostile text in a row is text in the markup', async () => {
  const title = '</script><img src=x onerror="alert(1)"><!--'
  const screen = await renderFirstScreen(requestFor('?size=25', { body: [{ ...TASK, title }] }))
  expect(screen!.rendered!.markup).toContain('&lt;/script&gt;&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&lt;!--')
  expect(screen!.rendered!.markup).not.toContain('<img src=x')
})

test('dates are in the zone the browser said, else in the server’s default', async () => {
  const dueTitle = (markup: string) => /<time class="due[^"]*" dateTime="[^"]+" title="([^"]+)"/.exec(markup)?.[1]
  const berlin = await renderFirstScreen(
    requestFor('?size=25', { display: { stored: {}, timeZone: 'Europe/Berlin', windowWidth: 'wide' } }),
  )
  expect(dueTitle(berlin!.rendered!.markup)).toBe('Dec 3, 2026, 12:30 AM')
  expect(berlin!.rendered!.screen.timeZone).toBe('Europe/Berlin')
  const utc = await renderFirstScreen(requestFor('?size=25'))
  expect(dueTitle(utc!.rendered!.markup)).toBe('Dec 2, 2026, 11:30 PM')
})

test('German from Accept-Language; a language chosen in the board wins over it', async () => {
  const german = await renderFirstScreen(requestFor('?size=25', { acceptLanguage: 'de-CH;q=0.9, fr;q=0.8' }))
  expect(german!.rendered!.markup).toMatch(/<h1>Aufgaben<\/h1>/)
  expect(german!.rendered!.screen.locale).toBe('de')
  const chosen = await renderFirstScreen(
    requestFor('?size=25', {
      acceptLanguage: 'de',
      display: { stored: { locale: 'en' }, timeZone: 'UTC', windowWidth: 'wide' },
    }),
  )
  expect(chosen!.rendered!.markup).toMatch(/<h1>Tasks<\/h1>/)
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
  expect(headers(chosen!.rendered!.markup)).toContain('customer')
  expect(headers(plain!.rendered!.markup)).not.toContain('customer')
  expect(headers(plain!.rendered!.markup)).toContain('title')
  expect(chosen!.rendered!.markup).toContain('tasks-table--compact')
  expect(plain!.rendered!.markup).toContain('tasks-table--comfortable')
  expect(chosen!.rendered!.screen.stored).toEqual({ columns })
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
    return {
      rows: screen!.rendered!.markup.split('data-testid="task-row"').length - 1,
      frame: screen!.rendered!.screen.frameHeight,
    }
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

test('a first visit from a phone opens in the phone’s layout; once the browser has said its width, that wins', async () => {
  const layoutOf = async (rest: Partial<FirstScreenRequest>) => {
    const rendered = (await renderFirstScreen(requestFor('?size=25', rest)))!.rendered!
    return { width: rendered.screen.windowWidth, markup: rendered.markup }
  }
  const desk = await layoutOf({})
  const phone = await layoutOf({ mobile: true })
  expect(desk.width).toBe('wide')
  expect(phone.width).toBe('phone')
  expect(phone.markup).not.toBe(desk.markup)
  const said = { stored: {}, timeZone: 'UTC', windowWidth: 'wide' as const }
  expect((await layoutOf({ mobile: true, display: said })).width).toBe('wide')
})

test('the board’s queries go to the browser dehydrated: the view’s rows and the task types, as the board reads them', async () => {
  const type = { _id: '89abcdef0123456789abcdef', name: 'Repair', prefix: 'REP', color: '#e8590c' }
  const task = { ...TASK, taskTypeId: type._id }
  const without = await renderFirstScreen(requestFor('?size=25', { body: [task] }))
  expect(without!.rendered!.markup).not.toContain('REP-4711')
  expect(hydrated(without!).getQueryData(taskTypeQueries.list().queryKey)).toBeUndefined()
  const first = await renderFirstScreen(requestFor('?size=25', { body: [task], taskTypes: [type] }))
  expect(first!.rendered!.markup).toContain('REP-4711')
  // The browser's client, hydrated from it, holds what the render read, under the board's own keys, and what
  // the browser's own read of the same answer would hold.
  const browser = hydrated(first!)
  expect(browser.getQueryData(taskTypeQueries.list().queryKey)).toEqual([type])
  const list = taskQueries.list(firstViewQuery({ pathname: '/tasks', search: '?size=25' }))
  const read = readTaskPage({ body: [task], headers: new Headers({ 'x-total-count': '1' }) }, {})
  expect(browser.getQueryData(list.queryKey)).toEqual(read)
  expect(browser.getQueryCache().getAll()).toHaveLength(2)
  // An answer that cannot be read is left out: the board asks for the types itself.
  const unreadable = await renderFirstScreen(requestFor('?size=25', { body: [task], taskTypes: { data: [] } }))
  expect(hydrated(unreadable!).getQueryData(taskTypeQueries.list().queryKey)).toBeUndefined()
})

test('a long page goes over whole, read once, while the markup holds only the rows of the window', async () => {
  const tasks = Array.from({ length: 300 }, (_, index) => ({
    ...TASK,
    _id: index.toString(16).padStart(24, '0'),
    // Hostile and unreadable values survive the trip as the board reads them.
    title: index === 299 ? '</script><!-- \u2028' : index === 298 ? 42 : `Task ${index}`,
  }))
  const first = await renderFirstScreen(requestFor('?size=500', { body: tasks }))
  const list = taskQueries.list(firstViewQuery({ pathname: '/tasks', search: '?size=500' }))
  const page = hydrated(first!).getQueryData(list.queryKey)
  expect(page).toEqual(readTaskPage({ body: tasks, headers: new Headers({ 'x-total-count': '1' }) }, {}))
  expect(page?.tasks).toHaveLength(300)
  expect(page?.partial).toBeUndefined()
  expect(first!.rendered!.markup.split('data-testid="task-row"').length - 1).toBeLessThan(50)
})

/** A browser's query client hydrated from the server's state, as it travels: JSON. */
function hydrated(first: FirstScreen) {
  const browser = createQueryClient()
  hydrate(browser, JSON.parse(JSON.stringify(first.state)) as DehydratedState)
  return browser
}

test('a view naming “me” is rendered for the user the server was told of, who goes over too', async () => {
  const self = { _id: 'fedcba9876543210fedcba98', general: { firstName: 'Ada', lastName: 'Berg', profileImage: null } }
  const first = await renderFirstScreen(requestFor('?assignee=me&size=25', { self }))
  expect(first!.rendered!.markup).toContain('Boiler service Hauptstraße 3')
  const browser = hydrated(first!)
  expect(browser.getQueryData(userQueries.self().queryKey)).toMatchObject({ id: self._id, name: 'Ada Berg' })
  const list = taskQueries.list(firstViewQuery({ pathname: '/tasks', search: '?assignee=me&size=25' }, self._id))
  expect(browser.getQueryData(list.queryKey)?.tasks).toHaveLength(1)
  // Without a user it can read, there is no view to render.
  const unreadable = requestFor('?assignee=me&size=25', { self })
  expect(await renderFirstScreen({ ...unreadable, answers: { ...unreadable.answers, self: { _id: 7 } } })).toBeNull()
})
