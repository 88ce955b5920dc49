import { hashKey, type FetchQueryOptions, type QueryClient, type QueryKey } from '@tanstack/react-query'

/**
 * How long the pointer or focus rests on a control before its view is asked
 * for. Longer than the pointer takes to cross the 44 px header row or a tab on
 * its way elsewhere; far shorter than anyone takes from resting on a control
 * to clicking it.
 */
export const INTENT_DELAY_MS = 80

/**
 * Starts the request of a view the pointer or focus rests on, so the click
 * that usually follows finds it in the cache or in flight.
 *
 * At most one request it started is in flight: a newer intent cancels the
 * older one's request unless a view has taken it up since (the click came:
 * the request has an observer). Cancelling reverts the query to what it held
 * before (no data for a view never shown, the old data of one shown before;
 * a long page whose first rows are in keeps them, and is never fresh), so
 * the next use of that view asks again. A view that is fresh in the cache, or already
 * being fetched by someone else (the board, the next-page prefetch), costs
 * nothing and is not taken over.
 */
export function createIntentPrefetcher(queryClient: QueryClient, delayMs = INTENT_DELAY_MS) {
  let timer: ReturnType<typeof setTimeout> | null = null
  let started: QueryKey | null = null

  const queryOf = (key: QueryKey) => queryClient.getQueryCache().find({ queryKey: key, exact: true })

  function supersede(next: QueryKey | null) {
    if (started === null) return
    if (next !== null && hashKey(next) === hashKey(started)) return
    const query = queryOf(started)
    if (query && query.state.fetchStatus === 'fetching' && query.getObserversCount() === 0) {
      void queryClient.cancelQueries({ queryKey: started, exact: true })
    }
    started = null
  }

  function start<T, K extends QueryKey>(options: FetchQueryOptions<T, Error, T, K>) {
    timer = null
    supersede(options.queryKey)
    if (started !== null) return
    if (queryOf(options.queryKey)?.state.fetchStatus === 'fetching') return
    void queryClient.prefetchQuery(options)
    // prefetchQuery starts a fetch synchronously, or does nothing for data still fresh.
    if (queryOf(options.queryKey)?.state.fetchStatus === 'fetching') started = options.queryKey
  }

  return {
    /**
     * The pointer or focus came to rest on a control that would show this view (the query options its
     * own hook uses, so the click finds them cached); null: a view that cannot be asked for yet.
     */
    intend<T, K extends QueryKey>(options: FetchQueryOptions<T, Error, T, K> | null) {
      if (timer !== null) clearTimeout(timer)
      timer = options === null ? null : setTimeout(() => start(options), delayMs)
    },
    /** The pointer or focus left before the delay was up, or the view changed: nothing is asked for. */
    drop() {
      if (timer !== null) clearTimeout(timer)
      timer = null
    },
  }
}
export type IntentPrefetcher = ReturnType<typeof createIntentPrefetcher>
