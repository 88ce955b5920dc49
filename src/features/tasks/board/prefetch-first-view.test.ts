import { dehydrate, QueryClient } from '@tanstack/react-query'
import { beforeAll, describe, expect, inject, test, vi } from 'vitest'
import { setApiBase } from '../../../lib/api-client.ts'
import { isApiError } from '../../../shared/api-error.ts'
import { FIRST_VIEW_ELEMENT_ID } from '../../../shared/tasks/api/first-view-handover.ts'
import { taskQueries, taskTypeQueries, userQueries } from '../api/queries.ts'
import { readTaskPage } from '../api/tasks-api.ts'
import { toTaskListQuery } from '../../../shared/tasks/url-state/board-query.ts'
import { parseBoardSearch } from '../../../shared/tasks/url-state/board-search.ts'
import { prefetchFirstView } from './prefetch-first-view.ts'

function prefetchedKeys(pathname: string, search: string): unknown[] {
  const client = new QueryClient()
  const prefetch = vi.spyOn(client, 'prefetchQuery').mockResolvedValue(undefined)
  void prefetchFirstView(client, { pathname, search })
  return prefetch.mock.calls.map(([options]) => options.queryKey)
}

test('asks for the rows of the view in the address, under the key the board uses', () => {
  const search = '?tab=open&priority=urgent&sort=dueDate:asc&page=2&size=25'
  const { board } = parseBoardSearch(new URLSearchParams(search))
  expect(prefetchedKeys('/tasks', search)).toEqual([taskQueries.list(toTaskListQuery(board)).queryKey])
})

test('also for a task link and for the root, which shows the board', () => {
  expect(prefetchedKeys('/tasks/abc123', '?tab=all')).toHaveLength(1)
  expect(prefetchedKeys('/', '')).toHaveLength(1)
})

test('a mangled address still gets the view the board will show', () => {
  const search = '?tab=nope&size=%00&page=-4'
  const { board } = parseBoardSearch(new URLSearchParams(search))
  expect(prefetchedKeys('/tasks', search)).toEqual([taskQueries.list(toTaskListQuery(board)).queryKey])
})

test('nothing for other pages, nor for a view that names "me" (it waits for the user lookup)', () => {
  expect(prefetchedKeys('/elsewhere', '')).toEqual([])
  expect(prefetchedKeys('/tasks', '?assignee=me')).toEqual([])
})

const HANDED_OVER_TASK = {
  _id: '0123456789abcdef01234567',
  title: 'Handed over with the page',
  taskStatus: 'open',
  status: { status: 1, createdAt: 1773829800000, createdBy: 'u1', lastModifiedAt: 1773829800000, lastModifiedBy: 'u1' },
}
const TYPES = [{ _id: '89abcdef0123456789abcdef', name: 'Repair', prefix: 'REP', color: '#e8590c' }]
const SCREEN = {
  locale: 'en',
  timeZone: 'UTC',
  now: 1,
  stored: {},
  windowWidth: 'wide' as const,
  frameHeight: 800,
  formatting: 'sample',
}

/** A page as the app server sends it, with its handover in the island (or none). */
function pageWith(island: string | null): Document {
  const page = document.implementation.createHTMLDocument('board')
  if (island !== null) {
    const element = page.createElement('script')
    element.type = 'application/json'
    element.id = FIRST_VIEW_ELEMENT_ID
    element.textContent = island
    page.body.append(element)
  }
  return page
}

/** The island of a page whose server read `body` for the view at `search`, as the server's renderer hands it over. */
function handover(search: string, { body = [HANDED_OVER_TASK], updatedAt = Date.now() } = {}): string {
  const server = new QueryClient()
  const page = readTaskPage({ body, headers: new Headers({ 'x-total-count': '1' }) }, {})
  server.setQueryData(listOptions(search).queryKey, page, { updatedAt })
  server.setQueryData(taskTypeQueries.list().queryKey, TYPES, { updatedAt })
  return JSON.stringify({ state: dehydrate(server), screen: SCREEN })
}

function listOptions(search: string) {
  return taskQueries.list(toTaskListQuery(parseBoardSearch(new URLSearchParams(search)).board))
}

describe('with the first view handed over', () => {
  beforeAll(async () => {
    setApiBase(`${inject('appOrigin')}/api`)
    // The demo makes its tasks on the first request; on a busy machine that takes longer than a test may.
    await fetch(`${inject('appOrigin')}/api/tasks/?limit=1`)
  }, 60_000)

  test('the view and the task types are in the cache before the first render, and nothing is asked', async () => {
    const page = pageWith(handover('?tab=open&size=25'))
    const client = new QueryClient()
    const fetched = vi.spyOn(globalThis, 'fetch')
    try {
      expect(prefetchFirstView(client, { pathname: '/tasks', search: '?tab=open&size=25' }, page)).toEqual(SCREEN)
      const data = client.getQueryData(listOptions('?tab=open&size=25').queryKey)
      expect(data?.tasks.map((task) => task.title)).toEqual([HANDED_OVER_TASK.title])
      expect(data?.totalCount).toBe(1)
      expect(client.getQueryData(taskTypeQueries.list().queryKey)).toEqual(TYPES)
      await client.prefetchQuery(listOptions('?tab=open&size=25'))
      await client.prefetchQuery(taskTypeQueries.list())
      expect(fetched).not.toHaveBeenCalled()
    } finally {
      fetched.mockRestore()
    }
    expect(page.getElementById(FIRST_VIEW_ELEMENT_ID), 'read once, then gone').toBeNull()
  })

  test('the answers are as fresh as the page, whatever the server’s clock says', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { staleTime: 30_000 } } })
    const page = pageWith(handover('?size=25', { updatedAt: Date.now() - 10 * 60_000 }))
    const now = Date.now()
    const fetched = vi.spyOn(globalThis, 'fetch')
    try {
      prefetchFirstView(client, { pathname: '/tasks', search: '?size=25' }, page, now)
      expect(client.getQueryState(listOptions('?size=25').queryKey)?.dataUpdatedAt).toBe(now)
      await client.prefetchQuery(listOptions('?size=25'))
      expect(fetched).not.toHaveBeenCalled()
    } finally {
      fetched.mockRestore()
    }
  })

  test('a view naming “me” is ready at once when the server handed over who that is', async () => {
    const self = { id: 'fedcba9876543210fedcba98', firstName: 'Ada', lastName: 'Berg', name: 'Ada Berg', picture: null }
    const search = '?assignee=me&size=25'
    const options = taskQueries.list(toTaskListQuery(parseBoardSearch(new URLSearchParams(search)).board, self.id))
    const server = new QueryClient()
    server.setQueryData(options.queryKey, readTaskPage({ body: [HANDED_OVER_TASK], headers: new Headers() }, {}))
    server.setQueryData(userQueries.self().queryKey, self)
    const page = pageWith(JSON.stringify({ state: dehydrate(server), screen: SCREEN }))
    const client = new QueryClient()
    const fetched = vi.spyOn(globalThis, 'fetch')
    try {
      expect(prefetchFirstView(client, { pathname: '/tasks', search }, page)).toEqual(SCREEN)
      expect(client.getQueryData(options.queryKey)?.tasks.map((task) => task.title)).toEqual([HANDED_OVER_TASK.title])
      await client.prefetchQuery(userQueries.self())
      expect(fetched).not.toHaveBeenCalled()
    } finally {
      fetched.mockRestore()
    }
  })

  test('a screen of another view is not taken over: the board asks for its own view', async () => {
    const client = new QueryClient()
    const page = pageWith(handover('?tab=all&size=25'))
    expect(prefetchFirstView(client, { pathname: '/tasks', search: '?tab=open&size=25' }, page)).toBeNull()
    const data = await client.ensureQueryData(listOptions('?tab=open&size=25'))
    expect(data.tasks).toHaveLength(25)
    expect(data.tasks.map((task) => task.title)).not.toContain(HANDED_OVER_TASK.title)
  })

  test('a handover that cannot be read is left: the board asks', async () => {
    for (const island of ['not json', '{"state": 1}', '{"state": {"queries": [{}], "mutations": []}}']) {
      const client = new QueryClient()
      expect(prefetchFirstView(client, { pathname: '/tasks', search: '?size=25' }, pageWith(island))).toBeNull()
      const data = await client.ensureQueryData(listOptions('?size=25'))
      expect(data.tasks, island).toHaveLength(25)
    }
  })

  test('without an island the board asks as before', async () => {
    const client = new QueryClient()
    expect(prefetchFirstView(client, { pathname: '/tasks', search: '?size=25' }, pageWith(null))).toBeNull()
    expect((await client.ensureQueryData(listOptions('?size=25'))).tasks).toHaveLength(25)
  })

  test('a 429 the server met: the first read waits as the API asked before it asks', async () => {
    // Waiting a 429 out as the app's query client does (src/app/query-client.ts).
    const retryDelay = (_: number, error: unknown) => (isApiError(error) ? (error.retryAfterMs ?? 0) : 0)
    const client = new QueryClient({ defaultOptions: { queries: { retry: 1, retryDelay } } })
    const page = pageWith(JSON.stringify({ rateLimited: { retryAfterMs: 400 } }))
    const asked: number[] = []
    const fetched = vi.spyOn(globalThis, 'fetch').mockImplementation((...args) => {
      asked.push(performance.now())
      fetched.mockRestore()
      return fetch(...args)
    })
    const started = performance.now()
    expect(prefetchFirstView(client, { pathname: '/tasks', search: '?size=25' }, page)).toBeNull()
    // The board's query joins the waiting read instead of asking at once.
    const data = await client.ensureQueryData(listOptions('?size=25'))
    expect(data.tasks).toHaveLength(25)
    expect(asked).toHaveLength(1)
    expect(asked[0]! - started).toBeGreaterThanOrEqual(400)
  })
})
