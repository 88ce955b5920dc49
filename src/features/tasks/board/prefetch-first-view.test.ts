import { QueryClient } from '@tanstack/react-query'
import { beforeAll, describe, expect, inject, test, vi } from 'vitest'
import { setApiBase } from '../../../lib/api-client.ts'
import { FIRST_VIEW_ELEMENT_ID } from '../api/first-view-handover.ts'
import { toWireParams } from '../api/list-query.ts'
import { taskQueries } from '../api/queries.ts'
import { toTaskListQuery } from '../url-state/board-query.ts'
import { parseBoardSearch } from '../url-state/board-search.ts'
import { prefetchFirstView } from './prefetch-first-view.ts'

function prefetchedKeys(pathname: string, search: string): unknown[] {
  const client = new QueryClient()
  const prefetch = vi.spyOn(client, 'prefetchQuery').mockResolvedValue(undefined)
  prefetchFirstView(client, { pathname, search })
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
  prefetchFirstView(client, { pathname: '/tasks', search }, page)
  const query = taskQueries.list(toTaskListQuery(parseBoardSearch(new URLSearchParams(search)).board))
  // The prefetch's own request when there is one; the cache as it is when the page's answer was taken.
  return client.ensureQueryData(query)
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
    prefetchFirstView(client, { pathname: '/tasks', search: '?tab=open&size=25' }, page)
    const key = taskQueries.list(toTaskListQuery(parseBoardSearch(new URLSearchParams('?tab=open&size=25')).board))
    // In the cache at once, so the board's first render shows the rows.
    expect(client.getQueryData(key.queryKey)?.tasks.map((task) => task.title)).toEqual([HANDED_OVER_TASK.title])
    const data = await firstViewData('?tab=open&size=25', pageWith(handover('?tab=open&size=25')))
    expect(data?.tasks.map((task) => task.title)).toEqual([HANDED_OVER_TASK.title])
    expect(data?.totalCount).toBe(1)
    expect(page.getElementById(FIRST_VIEW_ELEMENT_ID), 'read once, then gone').toBeNull()
  })

  test('an answer to another request is not used: the board asks for its own view', async () => {
    const data = await firstViewData('?tab=open&size=25', pageWith(handover('?tab=all&size=25')))
    expect(data?.tasks).toHaveLength(25)
    expect(data?.tasks.map((task) => task.title)).not.toContain(HANDED_OVER_TASK.title)
  })

  test('an answer that cannot be read is asked for again', async () => {
    for (const island of [
      'not json',
      '{"request": 1}',
      handover('?size=25', { data: [] }),
      handover('?size=25', [{}]),
    ]) {
      const data = await firstViewData('?size=25', pageWith(island))
      expect(data?.tasks, island).toHaveLength(25)
    }
  })

  test('without an island the board asks as before', async () => {
    const data = await firstViewData('?size=25', pageWith(null))
    expect(data?.tasks).toHaveLength(25)
  })

  test('a long page goes in as its first rows at once; the rest is read when asked for', async () => {
    const tasks = Array.from({ length: 250 }, (_, index) => ({
      ...HANDED_OVER_TASK,
      _id: index.toString(16).padStart(24, '0'),
      title: `Task ${index}`,
    }))
    const search = '?size=250'
    const key = taskQueries.list(toTaskListQuery(parseBoardSearch(new URLSearchParams(search)).board)).queryKey
    const client = new QueryClient()
    const taken = prefetchFirstView(client, { pathname: '/tasks', search }, pageWith(handover(search, tasks)))
    expect(client.getQueryData(key)).toMatchObject({ partial: true })
    expect(client.getQueryData(key)?.tasks).toHaveLength(50)
    await taken!.readRest()
    expect(client.getQueryData(key)?.partial).toBeUndefined()
    expect(client.getQueryData(key)?.tasks.map((task) => task.title)).toEqual(tasks.map((task) => task.title))
    expect(client.isFetching()).toBe(0)

    // Rows the board has meanwhile got for itself stay as they are.
    const again = new QueryClient()
    const second = prefetchFirstView(again, { pathname: '/tasks', search }, pageWith(handover(search, tasks)))
    const own = { tasks: [], skipped: { count: 0, firstReason: null }, unreadable: 0, totalCount: 0 }
    again.setQueryData(key, own)
    await second!.readRest()
    expect(again.getQueryData(key)).toEqual(own)
  })

  test('the rest of a long page is checked like any answer: broken rows after the first screen are counted', async () => {
    const search = '?size=250'
    const key = taskQueries.list(toTaskListQuery(parseBoardSearch(new URLSearchParams(search)).board)).queryKey
    const rows = Array.from({ length: 120 }, (_, index) => ({
      ...HANDED_OVER_TASK,
      _id: index.toString(16).padStart(24, '0'),
    }))
    const body = [...rows.slice(0, 100), { title: 'no id' }, ...rows.slice(100)]
    const client = new QueryClient()
    const taken = prefetchFirstView(client, { pathname: '/tasks', search }, pageWith(handover(search, body)))
    expect(client.getQueryData(key)?.skipped.count).toBe(0)
    await taken!.readRest()
    expect(client.getQueryData(key)?.tasks).toHaveLength(120)
    expect(client.getQueryData(key)?.skipped.count).toBe(1)
  })
})
