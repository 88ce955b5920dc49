import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useMemo } from 'react'
import { taskQueries } from '../api/queries.ts'
import { REFRESH_INTERVAL_MS } from '../api/refresh-interval.ts'
import { useSelf } from '../api/use-lookups.ts'
import { toTaskListQuery } from '../../../shared/tasks/url-state/board-query.ts'
import { ME } from '../../../shared/tasks/url-state/board-filters.ts'
import type { BoardState } from '../../../shared/tasks/url-state/board-state.ts'
import { whenIdle } from '../../../lib/when-idle.ts'

/**
 * The page of tasks a view shows, and whether a next page exists (its own
 * query, see `taskQueries.hasNext`). While a view is first read, the
 * previous view's rows stay on screen. Whether there is a next page is asked
 * once the browser is idle after the rows are shown; `prefetchNext` reads the
 * whole next page when the user heads for Next.
 */
export function useBoardTasks(board: BoardState) {
  const needsSelf = board.assignee.includes(ME)
  const self = useSelf({ enabled: needsSelf })
  const selfId = self.data?.id ?? null

  const query = useMemo(() => toTaskListQuery(board, selfId), [board, selfId])
  const nextQuery = useMemo(() => toTaskListQuery({ ...board, page: board.page + 1 }, selfId), [board, selfId])

  const tasks = useQuery({
    ...taskQueries.list(query),
    placeholderData: keepPreviousData,
    // Dispatchers leave the board open all day: keep the visible page fresh (paused while the tab is hidden).
    refetchInterval: REFRESH_INTERVAL_MS,
  })
  const currentHasRows = (tasks.data?.tasks.length ?? 0) > 0 && !tasks.isPlaceholderData
  const queryClient = useQueryClient()
  // Asked for from outside React, so waiting for the idle moment costs the board no render of its own.
  useEffect(() => {
    if (!currentHasRows) return
    return whenIdle(() => void queryClient.prefetchQuery(taskQueries.hasNext(query)))
  }, [currentHasRows, query, queryClient])
  const next = useQuery({ ...taskQueries.hasNext(query), enabled: false })
  const hasNext = currentHasRows && next.data === true

  const prefetchNext = useCallback(() => {
    if (hasNext && nextQuery !== null) void queryClient.prefetchQuery(taskQueries.list(nextQuery))
  }, [hasNext, nextQuery, queryClient])

  return { query, tasks, hasNext, prefetchNext, self }
}
