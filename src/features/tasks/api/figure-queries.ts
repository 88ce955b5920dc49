import { queryOptions, skipToken } from '@tanstack/react-query'
import { REFRESH_INTERVAL_MS } from './refresh-interval.ts'

/**
 * The figures' calls and schemas load with their first request, after the
 * board's first rows: they are no part of the first download.
 */
const figuresApi = () => import('./figures-api.ts')

/**
 * Query options for the app server's figures. The server caches each figure
 * for a minute for every browser, so asking more often would only return the
 * same numbers: they refresh with the board, and a revisited view within the
 * minute comes from this cache.
 */
export const figureQueries = {
  all: () => ['figures'] as const,
  /** `null`: the filters cannot be asked for yet (`me` unknown); nothing is fetched. */
  counts: (sets: readonly string[] | null) =>
    queryOptions({
      queryKey: [...figureQueries.all(), 'counts', sets] as const,
      queryFn:
        sets === null || sets.length === 0
          ? skipToken
          : async ({ signal }) => (await figuresApi()).listCounts(sets, { signal }),
      staleTime: REFRESH_INTERVAL_MS,
      refetchInterval: REFRESH_INTERVAL_MS,
    }),
  /** What changed in each set since its moment; `null` or empty: nothing is fetched. */
  changes: (asked: readonly { set: string; since: string }[] | null) =>
    queryOptions({
      queryKey: [...figureQueries.all(), 'changes', asked] as const,
      queryFn:
        asked === null || asked.length === 0
          ? skipToken
          : async ({ signal }) => (await figuresApi()).listChanges(asked, { signal }),
      staleTime: REFRESH_INTERVAL_MS,
      refetchInterval: REFRESH_INTERVAL_MS,
    }),
  workload: (filters: string | null, timeZone: string) =>
    queryOptions({
      queryKey: [...figureQueries.all(), 'workload', filters, timeZone] as const,
      queryFn:
        filters === null
          ? skipToken
          : async ({ signal }) => (await figuresApi()).getWorkload(filters, timeZone, { signal }),
      staleTime: REFRESH_INTERVAL_MS,
      refetchInterval: REFRESH_INTERVAL_MS,
    }),
}
