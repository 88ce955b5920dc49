import { QueryClient } from '@tanstack/react-query'
import { expect, test, vi } from 'vitest'
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
