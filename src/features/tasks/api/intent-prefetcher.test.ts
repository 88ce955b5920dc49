import { QueryClient, QueryObserver, queryOptions } from '@tanstack/react-query'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { createIntentPrefetcher, INTENT_DELAY_MS } from './intent-prefetcher.ts'

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

/** Views whose requests stay open until answered, so what is in flight can be seen and aborted. */
function setup() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, retry: false } } })
  const requests: { view: string; signal: AbortSignal; answer: () => void }[] = []
  const view = (name: string) =>
    queryOptions({
      queryKey: ['view', name] as const,
      queryFn: ({ signal }) =>
        new Promise<string>((resolve) => {
          requests.push({ view: name, signal, answer: () => resolve(`rows of ${name}`) })
        }),
    })
  const inFlight = () => requests.filter((request) => !request.signal.aborted).map((request) => request.view)
  const prefetcher = createIntentPrefetcher(queryClient)
  return { queryClient, requests, view, inFlight, prefetcher }
}

test('asks for nothing while the pointer has not rested for the delay, nor after it left', () => {
  const { view, requests, prefetcher } = setup()
  prefetcher.intend(view('sorted by title'))
  vi.advanceTimersByTime(INTENT_DELAY_MS - 1)
  prefetcher.drop()
  vi.advanceTimersByTime(1000)
  expect(requests).toEqual([])
})

test('passing over several controls asks only for the one the pointer rests on', () => {
  const { view, requests, prefetcher } = setup()
  prefetcher.intend(view('open'))
  vi.advanceTimersByTime(30)
  prefetcher.intend(view('new'))
  vi.advanceTimersByTime(30)
  prefetcher.intend(view('completed'))
  vi.advanceTimersByTime(INTENT_DELAY_MS)
  expect(requests.map((request) => request.view)).toEqual(['completed'])
})

test('a view that cannot be asked for yet asks for nothing', () => {
  const { requests, prefetcher } = setup()
  prefetcher.intend(null)
  vi.advanceTimersByTime(1000)
  expect(requests).toEqual([])
})

test('resting on the same view again asks for it once', async () => {
  const { queryClient, view, requests, prefetcher } = setup()
  prefetcher.intend(view('open'))
  vi.advanceTimersByTime(INTENT_DELAY_MS)
  prefetcher.drop()
  prefetcher.intend(view('open'))
  vi.advanceTimersByTime(INTENT_DELAY_MS)
  expect(requests).toHaveLength(1)
  // Answered and fresh: a later rest costs nothing either.
  requests[0]!.answer()
  await vi.waitFor(() => expect(queryClient.getQueryData(view('open').queryKey)).toBe('rows of open'))
  prefetcher.intend(view('open'))
  vi.advanceTimersByTime(INTENT_DELAY_MS)
  expect(requests).toHaveLength(1)
})

test('a newer intent cancels the older request nobody took up, leaving its view as it was', () => {
  const { queryClient, view, inFlight, prefetcher } = setup()
  prefetcher.intend(view('open'))
  vi.advanceTimersByTime(INTENT_DELAY_MS)
  prefetcher.intend(view('completed'))
  vi.advanceTimersByTime(INTENT_DELAY_MS)
  expect(inFlight()).toEqual(['completed'])
  const cancelled = queryClient.getQueryState(view('open').queryKey)
  expect(cancelled?.data).toBeUndefined()
  expect(cancelled?.fetchStatus).toBe('idle')
  expect(cancelled?.status).toBe('pending')
})

test('cancelling the refresh of a view shown before keeps the rows it had', async () => {
  const { queryClient, view, inFlight, prefetcher } = setup()
  queryClient.setQueryData(view('open').queryKey, 'rows of open, earlier')
  vi.advanceTimersByTime(60_000)
  prefetcher.intend(view('open'))
  vi.advanceTimersByTime(INTENT_DELAY_MS)
  expect(inFlight()).toEqual(['open'])
  prefetcher.intend(view('new'))
  vi.advanceTimersByTime(INTENT_DELAY_MS)
  expect(inFlight()).toEqual(['new'])
  await vi.waitFor(() => expect(queryClient.getQueryState(view('open').queryKey)?.fetchStatus).toBe('idle'))
  expect(queryClient.getQueryData(view('open').queryKey)).toBe('rows of open, earlier')
})

test('a request the click took up is the view’s own: a newer intent does not cancel it', () => {
  const { queryClient, view, inFlight, prefetcher } = setup()
  prefetcher.intend(view('open'))
  vi.advanceTimersByTime(INTENT_DELAY_MS)
  // The click: the board now shows this view and observes its query.
  const unsubscribe = new QueryObserver(queryClient, view('open')).subscribe(() => {})
  prefetcher.intend(view('completed'))
  vi.advanceTimersByTime(INTENT_DELAY_MS)
  expect(inFlight()).toEqual(['open', 'completed'])
  unsubscribe()
})

test('a view someone else is fetching is neither asked for again nor cancelled', () => {
  const { queryClient, view, requests, inFlight, prefetcher } = setup()
  void queryClient.prefetchQuery(view('next page'))
  prefetcher.intend(view('next page'))
  vi.advanceTimersByTime(INTENT_DELAY_MS)
  prefetcher.intend(view('open'))
  vi.advanceTimersByTime(INTENT_DELAY_MS)
  expect(requests).toHaveLength(2)
  expect(inFlight()).toEqual(['next page', 'open'])
})
