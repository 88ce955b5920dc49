import { dehydrate, QueryClient } from '@tanstack/react-query'
import { beforeAll, describe, expect, inject, test, vi } from 'vitest'
import { setApiBase } from '../../../lib/api-client.ts'
import { FIRST_VIEW_ELEMENT_ID } from '../api/first-view-handover.ts'
import { toWireParams } from '../api/list-query.ts'
import { taskQueries, taskTypeQueries } from '../api/queries.ts'
import { toTaskListQuery } from '../url-state/board-query.ts'
import { parseBoardSearch } from '../url-state/board-search.ts'
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

/** A page as the app server sends it, with the first view's answer in its island (or none). */
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

function handover(search: string, body: unknown = [HANDED_OVER_TASK]): string {
  const query = toTaskListQuery(parseBoardSearch(new URLSearchParams(search)).board)!
  return JSON.stringify({ request: toWireParams(query).toString(), totalCount: '1', body })
}

/** Runs the first view's prefetch against the real app server and says what the board's query then holds. */
async function firstViewData(search: string, page: Document) {
  const client = new QueryClient()
  await prefetchFirstView(client, { pathname: '/tasks', search }, page)
  // The read the prefetch started, when it is still going: the board's query would join it.
  return client.ensureQueryData(listOptions(search))
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

  test('reads the answer from the page, checked like any answer, and asks for nothing', async () => {
    const page = pageWith(handover('?tab=open&size=25'))
    const client = new QueryClient()
    const taken = await prefetchFirstView(client, { pathname: '/tasks', search: '?tab=open&size=25' }, page)
    expect(taken?.request).toBe(
      toWireParams(toTaskListQuery(parseBoardSearch(new URLSearchParams('?tab=open&size=25')).board)!).toString(),
    )
    // In the cache once it resolves, so the board's first render shows the rows.
    const data = client.getQueryData(listOptions('?tab=open&size=25').queryKey)
    expect(data?.tasks.map((task) => task.title)).toEqual([HANDED_OVER_TASK.title])
    expect(data?.totalCount).toBe(1)
    expect(page.getElementById(FIRST_VIEW_ELEMENT_ID), 'read once, then gone').toBeNull()
  })

  test('an answer to another request is not used: the board asks for its own view', async () => {
    const client = new QueryClient()
    const page = pageWith(handover('?tab=all&size=25'))
    expect(await prefetchFirstView(client, { pathname: '/tasks', search: '?tab=open&size=25' }, page)).toBeNull()
    const data = await client.ensureQueryData(listOptions('?tab=open&size=25'))
    expect(data.tasks).toHaveLength(25)
    expect(data.tasks.map((task) => task.title)).not.toContain(HANDED_OVER_TASK.title)
  })

  test('an answer that cannot be read is asked for again', async () => {
    for (const island of [
      'not json',
      '{"request": 1}',
      handover('?size=25', { data: [] }),
      handover('?size=25', [{}]),
    ]) {
      const client = new QueryClient()
      expect(await prefetchFirstView(client, { pathname: '/tasks', search: '?size=25' }, pageWith(island))).toBeNull()
      const data = await client.ensureQueryData(listOptions('?size=25'))
      expect(data.tasks, island).toHaveLength(25)
    }
  })

  test('a view already in the cache keeps its rows and is not waited for', async () => {
    const search = '?tab=open&size=25'
    const client = new QueryClient()
    const cached = await client.fetchQuery(listOptions(search))
    const taken = await prefetchFirstView(client, { pathname: '/tasks', search }, pageWith(handover(search)))
    expect(taken).toBeNull()
    expect(client.getQueryData(listOptions(search).queryKey)).toBe(cached)
  })

  test('the task types the first screen showed are in the cache before the first render, not asked for', async () => {
    const types = [{ _id: '89abcdef0123456789abcdef', name: 'Repair', prefix: 'REP', color: '#e8590c' }]
    const server = new QueryClient()
    server.setQueryData(taskTypeQueries.list().queryKey, types)
    const island = JSON.parse(handover('?size=25')) as Record<string, unknown>
    const page = pageWith(JSON.stringify({ ...island, queries: dehydrate(server) }))
    const client = new QueryClient()
    const fetched = vi.spyOn(globalThis, 'fetch')
    await prefetchFirstView(client, { pathname: '/tasks', search: '?size=25' }, page)
    expect(client.getQueryData(taskTypeQueries.list().queryKey)).toEqual(types)
    await client.prefetchQuery({ ...taskTypeQueries.list() })
    // Nothing at all: the rows came with the page too.
    expect(fetched).not.toHaveBeenCalled()
    fetched.mockRestore()
  })

  test('without an island the board asks as before', async () => {
    const data = await firstViewData('?size=25', pageWith(null))
    expect(data?.tasks).toHaveLength(25)
  })

  const longPage = Array.from({ length: 250 }, (_, index) => ({
    ...HANDED_OVER_TASK,
    _id: index.toString(16).padStart(24, '0'),
    title: `Task ${index}`,
  }))

  test('a long page is its first rows at first; the rest is read once they are shown', async () => {
    const search = '?size=250'
    const { queryKey } = listOptions(search)
    const client = new QueryClient()
    let shown = () => {}
    const firstRender = new Promise<void>((resolve) => (shown = resolve))
    await prefetchFirstView(
      client,
      { pathname: '/tasks', search },
      pageWith(handover(search, longPage)),
      () => firstRender,
    )
    expect(client.getQueryData(queryKey)).toMatchObject({ partial: true })
    expect(client.getQueryData(queryKey)?.tasks).toHaveLength(50)
    shown()
    await vi.waitFor(() => expect(client.isFetching()).toBe(0))
    expect(client.getQueryData(queryKey)?.partial).toBeUndefined()
    expect(client.getQueryData(queryKey)?.tasks.map((task) => task.title)).toEqual(longPage.map((task) => task.title))
  })

  test('a read cancelled after the first rows leaves them, never fresh: the next use reads the page again', async () => {
    const search = '?size=250'
    const { queryKey } = listOptions(search)
    const client = new QueryClient()
    await prefetchFirstView(
      client,
      { pathname: '/tasks', search },
      pageWith(handover(search, longPage)),
      () => new Promise(() => {}),
    )
    await client.cancelQueries({ queryKey, exact: true })
    expect(client.getQueryData(queryKey)?.tasks).toHaveLength(50)
    // Used again within the time a page counts as fresh: read again all the same, from the API this time (the
    // handed-over answer was taken by the first read).
    await client.prefetchQuery(listOptions(search))
    const again = client.getQueryData(queryKey)
    expect(again?.partial).toBeUndefined()
    expect(again?.tasks).toHaveLength(250)
    expect(again?.tasks.map((task) => task.title)).not.toContain('Task 0')
  })

  test('the rest of a long page is checked like any answer: broken rows after the first screen are counted', async () => {
    const search = '?size=250'
    const { queryKey } = listOptions(search)
    const body = [...longPage.slice(0, 100), { title: 'no id' }, ...longPage.slice(100, 120)]
    const client = new QueryClient()
    await prefetchFirstView(client, { pathname: '/tasks', search }, pageWith(handover(search, body)))
    expect(client.getQueryData(queryKey)?.skipped.count).toBe(0)
    await vi.waitFor(() => expect(client.isFetching()).toBe(0))
    expect(client.getQueryData(queryKey)?.tasks).toHaveLength(120)
    expect(client.getQueryData(queryKey)?.skipped.count).toBe(1)
  })
})
