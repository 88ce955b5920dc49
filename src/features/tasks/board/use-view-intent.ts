import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react'
import { createIntentPrefetcher } from '../api/intent-prefetcher.ts'
import { taskQueries } from '../api/queries.ts'
import { toTaskListQuery } from '../../../shared/tasks/url-state/board-query.ts'
import type { BoardState } from '../../../shared/tasks/url-state/board-state.ts'
import { boardAfterPatch, type BoardPatch } from '../../../shared/tasks/url-state/board-writer.ts'

/**
 * Prefetch on intent: a control reports the patch its click would write when
 * the pointer or focus comes to rest on it (null when it leaves), and the
 * view that patch leads to is asked for with the query the board itself will
 * use (one codec, one mapping, one set of query options), so the click finds
 * its rows in the cache. One intent request at a time (`createIntentPrefetcher`).
 */
export function useViewIntent(board: BoardState, selfId: string | null) {
  const queryClient = useQueryClient()
  const [prefetcher] = useState(() => createIntentPrefetcher(queryClient))
  // Read when the intent is reported, not on each render: controls keep one callback for the board's life.
  const current = useRef({ board, selfId })
  useLayoutEffect(() => {
    current.current = { board, selfId }
  }, [board, selfId])
  // An intent reported for the previous view would ask for a view no control offers any more.
  useEffect(() => () => prefetcher.drop(), [board, prefetcher])

  return useCallback(
    (patch: BoardPatch | null) => {
      if (patch === null) return prefetcher.drop()
      const query = toTaskListQuery(boardAfterPatch(current.current.board, patch), current.current.selfId)
      prefetcher.intend(query === null ? null : taskQueries.list(query))
    },
    [prefetcher],
  )
}
export type ViewIntent = ReturnType<typeof useViewIntent>
