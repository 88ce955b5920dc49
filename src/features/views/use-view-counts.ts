import { useMemo } from 'react'
import { useI18n } from '../../lib/i18n/i18n.tsx'
import { useDateStyle } from '../../lib/render-environment.tsx'
import { useCounts } from '../tasks/api/use-figures.ts'
import { useSelf } from '../tasks/api/use-lookups.ts'
import { toCountText, type CountText } from '../tasks/presenters/count-text.ts'
import { parseBoardSearch } from '../../shared/tasks/url-state/board-search.ts'
import { ME } from '../../shared/tasks/url-state/board-filters.ts'
import { toFilterSet } from '../tasks/url-state/figure-filters.ts'
import type { SavedView } from './api/saved-views.ts'

/**
 * Each saved view's count, by view id: its query read by the one URL codec,
 * its filters by the one board → API mapping, all views in one counts
 * request (the server caches and shares them). Asked only while `enabled`
 * (the menu is open); a view naming "me" waits for the signed-in user.
 */
export function useViewCounts(views: readonly SavedView[], enabled: boolean): Map<string, CountText> {
  const { t } = useI18n()
  const style = useDateStyle()
  const boards = useMemo(() => views.map((view) => parseBoardSearch(new URLSearchParams(view.query)).board), [views])
  const self = useSelf({ enabled: enabled && boards.some((board) => board.assignee.includes(ME)) })
  const selfId = self.data?.id ?? null
  const sets = useMemo(() => {
    const all = boards.map((board) => toFilterSet(board, selfId))
    return all.length > 0 && all.every((set): set is string => set !== null) ? all : null
  }, [boards, selfId])
  const { data, dataUpdatedAt } = useCounts(sets, { enabled })
  return useMemo(() => {
    const texts = new Map<string, CountText>()
    views.forEach((view, index) => {
      const count = data?.[index]
      if (count) texts.set(view.id, toCountText(count, dataUpdatedAt, style, t))
    })
    return texts
  }, [views, data, dataUpdatedAt, style, t])
}
