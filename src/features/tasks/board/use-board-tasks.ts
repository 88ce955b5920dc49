import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useMemo } from 'react'
import { taskQueries } from '../api/queries.ts'
import { useSelf } from '../api/use-tasks.ts'
import { toTaskListQuery } from '../url-state/board-query.ts'
import { ME, type BoardState } from '../url-state/board-state.ts'

export const REFRESH_INTERVAL_MS = 60_000

/**
 * The page of tasks a view shows, and whether a next page exists. The API
 * gives no total and may cap page sizes, so a short page proves nothing: the
 * next page is prefetched, and Next is offered only when it has rows. The
 * prefetch also makes Next instant.
 */
export function useBoardTasks(board: BoardState) {
  const needsSelf = board.assignee.includes(ME)
  const self = useSelf({ enabled: needsSelf })
  const selfId = self.data?.id ?? null
  const waitingForSelf = needsSelf && selfId === null

  const query = useMemo(() => toTaskListQuery(board, selfId), [board, selfId])
  const nextQuery = useMemo(() => toTaskListQuery({ ...board, page: board.page + 1 }, selfId), [board, selfId])

  const tasks = useQuery({
    ...taskQueries.list(query),
    enabled: !waitingForSelf,
    // Dispatchers leave the board open all day: keep the visible page fresh (paused while the tab is hidden).
    refetchInterval: REFRESH_INTERVAL_MS,
  })
  const queryClient = useQueryClient()
  const currentHasRows = (tasks.data?.tasks.length ?? 0) > 0 && !tasks.isPlaceholderData
  useEffect(() => {
    if (!currentHasRows || waitingForSelf) return
    void queryClient.prefetchQuery(taskQueries.list(nextQuery))
  }, [currentHasRows, waitingForSelf, nextQuery, queryClient])

  const next = useQuery({ ...taskQueries.list(nextQuery), enabled: false })
  const hasNext = currentHasRows && (next.data?.tasks.length ?? 0) > 0 && !next.isPlaceholderData

  return { query, tasks, hasNext, self }
}
