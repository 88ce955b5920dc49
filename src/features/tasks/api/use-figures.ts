/** Thin hooks over the figure queries. */
import { useQuery } from '@tanstack/react-query'
import { browserTimeZone } from '../../../lib/format.ts'
import { useRenderEnvironment } from '../../../lib/render-environment.tsx'
import { figureQueries } from './figure-queries.ts'

/**
 * Counts for any filter sets (a board's tabs, a saved view: one set is one
 * count), in the order given. `enabled: false` holds the request back, e.g.
 * until the board's own first rows have arrived.
 */
export function useCounts(sets: readonly string[] | null, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...figureQueries.counts(sets), enabled })
}

/** What changed in filter sets since their moments (the saved views' "3 new · 5 changed"), in the order given. */
export function useChanges(
  asked: readonly { set: string; since: string }[] | null,
  { enabled = true }: { enabled?: boolean } = {},
) {
  return useQuery({ ...figureQueries.changes(asked), enabled })
}

/** The zone the dates are shown in decides what "today" and "this week" are. */
export function useWorkload(filters: string | null) {
  const { timeZone } = useRenderEnvironment()
  return useQuery(figureQueries.workload(filters, timeZone ?? browserTimeZone()))
}
