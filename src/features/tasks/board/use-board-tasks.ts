import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useMemo } from 'react'
import { taskQueries } from '../api/queries.ts'
import { REFRESH_INTERVAL_MS } from '../api/refresh-interval.ts'
import { useSelf } from '../api/use-lookups.ts'
import { toTaskListQuery } from '../url-state/board-query.ts'
import { ME } from '../url-state/board-filters.ts'
import type { BoardState } from '../url-state/board-state.ts'
import { whenIdle } from '../../../lib/when-idle.ts'

/** Pages up to this size get the whole next page prefetched; bigger ones only learn whether it exists. */
const PREFETCH_WHOLE_PAGE_MAX = 100

/**
 * The page of tasks a view shows, and whether a next page exists. The API
 * gives no total and may cap page sizes, so a short page proves nothing: the
 * next page is asked for, and Next is offered only when it has rows.
 *
 * For pages up to 100 rows the whole next page is prefetched, which also
 * makes Next instant. For bigger pages only its first row is asked for:
 * fetching 1,000 more rows for every 1,000-row view would double the work
 * and memory of the heaviest view for a page that is rarely turned;
 * `prefetchNext` fetches the whole page when the user heads for Next.
 * Either way it waits until the browser is idle, after the rows are shown.
 */
export function useBoardTasks(board: BoardState) {
  const needsSelf = board.assignee.includes(ME)
  const self = useSelf({ enabled: needsSelf })
  const selfId = self.data?.id ?? null

  const query = useMemo(() => toTaskListQuery(board, selfId), [board, selfId])
  const nextQuery = useMemo(() => toTaskListQuery({ ...board, page: board.page + 1 }, selfId), [board, selfId])
  const wholeNext = board.size <= PREFETCH_WHOLE_PAGE_MAX
  const probeQuery = useMemo(
    () => (wholeNext || nextQuery === null ? nextQuery : { ...nextQuery, limit: 1 }),
    [wholeNext, nextQuery],
  )

  const tasks = useQuery({
    ...taskQueries.list(query),
    // Dispatchers leave the board open all day: keep the visible page fresh (paused while the tab is hidden).
    refetchInterval: REFRESH_INTERVAL_MS,
  })
  const queryClient = useQueryClient()
  const currentHasRows = (tasks.data?.tasks.length ?? 0) > 0 && !tasks.isPlaceholderData
  useEffect(() => {
    if (!currentHasRows || probeQuery === null) return
    return whenIdle(() => void queryClient.prefetchQuery(taskQueries.list(probeQuery)))
  }, [currentHasRows, probeQuery, queryClient])

  const probe = useQuery({ ...taskQueries.list(probeQuery), enabled: false })
  const hasNext = currentHasRows && (probe.data?.tasks.length ?? 0) > 0 && !probe.isPlaceholderData
  const prefetchNext = useCallback(() => {
    if (hasNext && nextQuery !== null) void queryClient.prefetchQuery(taskQueries.list(nextQuery))
  }, [hasNext, nextQuery, queryClient])

  return { query, tasks, hasNext, prefetchNext, self }
}
