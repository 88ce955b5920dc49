import { hashKey, QueryClient } from '@tanstack/react-query'
import { afterEach, beforeAll, expect, inject, test, vi } from 'vitest'
import { setApiBase } from '../../../lib/api-client.ts'
import { taskQueries } from './queries.ts'
import type { TaskPage } from './tasks-api.ts'

beforeAll(async () => {
  setApiBase(`${inject('appOrigin')}/api`)
  // The demo makes its tasks on the first request; on a busy machine that takes longer than a test may.
  await fetch(`${inject('appOrigin')}/api/tasks/?limit=1`)
}, 60_000)

// A failed expectation never leaves fetch spied on for the next test.
afterEach(() => vi.restoreAllMocks())

/** Every limit the API was asked for at this offset, in order. */
function requestsAt(offset: number) {
  const limits: string[] = []
  const fetch = globalThis.fetch
  vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
    const url = new URL(input instanceof Request ? input.url : input)
    if (url.searchParams.get('offset') === String(offset)) limits.push(url.searchParams.get('limit') ?? '')
    return fetch(input, init)
  })
  return limits
}

test('a long page first shows its first rows, then the whole page, in one entry read by one request', async () => {
  const limits = requestsAt(0)
  const client = new QueryClient()
  const { queryKey } = taskQueries.list({ limit: 1000, offset: 0 })
  const seen: string[] = []
  const unsubscribe = client.getQueryCache().subscribe(({ query }) => {
    const page = query.state.data as TaskPage | undefined
    const note = page && `${page.tasks.length}${page.partial ? ' partial' : ''}`
    if (note && query.queryHash === hashKey(queryKey) && seen.at(-1) !== note) seen.push(note)
  })
  const page = await client.fetchQuery(taskQueries.list({ limit: 1000, offset: 0 }))
  unsubscribe()
  expect(seen).toEqual(['50 partial', '1000'])
  expect(page.tasks).toHaveLength(1000)
  expect(limits).toEqual(['1000'])
})

test('a refresh keeps the rows there are until the whole page is read', async () => {
  const client = new QueryClient()
  const options = taskQueries.list({ limit: 1000, offset: 0 })
  await client.fetchQuery(options)
  const seen: number[] = []
  const unsubscribe = client.getQueryCache().subscribe(({ query }) => {
    const page = query.state.data as TaskPage | undefined
    if (page && query.queryHash === hashKey(options.queryKey)) seen.push(page.tasks.length)
  })
  await client.refetchQueries({ queryKey: options.queryKey, exact: true })
  unsubscribe()
  expect(new Set(seen)).toEqual(new Set([1000]))
})

test('whether a short page has a next page is learnt by reading that page, which Next then finds', async () => {
  const limits = requestsAt(25)
  const client = new QueryClient()
  expect(await client.fetchQuery(taskQueries.hasNext({ limit: 25, offset: 0 }))).toBe(true)
  expect(limits).toEqual(['25'])
  expect(client.getQueryData(taskQueries.list({ limit: 25, offset: 25 }).queryKey)?.tasks).toHaveLength(25)
})

test('a long page asks only for the next page’s first row, under a key of its own', async () => {
  const limits = requestsAt(1000)
  const client = new QueryClient()
  expect(await client.fetchQuery(taskQueries.hasNext({ limit: 1000, offset: 0 }))).toBe(true)
  expect(limits).toEqual(['1'])
  expect(client.getQueryCache().findAll({ queryKey: taskQueries.lists() })).toEqual([])
})

test('past the last page there is no next page', async () => {
  const client = new QueryClient()
  expect(await client.fetchQuery(taskQueries.hasNext({ limit: 1000, offset: 100_000 }))).toBe(false)
  expect(await client.fetchQuery(taskQueries.hasNext({ limit: 25, offset: 100_000 }))).toBe(false)
})
