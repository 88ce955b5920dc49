import { useMemo } from 'react'
import { useI18n } from '../../../lib/i18n/i18n.tsx'
import { useDateStyle } from '../../../lib/render-environment.tsx'
import { useSelf } from '../api/use-lookups.ts'
import { useCounts } from '../api/use-figures.ts'
import { toCountText, type CountText } from '../presenters/count-text.ts'
import { toTabFilterSets } from '../url-state/figure-filters.ts'
import { ME } from '../../../shared/tasks/url-state/board-filters.ts'
import { TABS, type BoardState, type Tab } from '../../../shared/tasks/url-state/board-state.ts'

export type TabCounts = Partial<Record<Tab, CountText>>

/**
 * Every tab's count under the view's other filters, one request for all
 * tabs. `enabled` waits for the board's first rows: counts never stand
 * between a dispatcher and the list.
 */
export function useTabCounts(board: BoardState, enabled: boolean): TabCounts {
  const { t } = useI18n()
  const style = useDateStyle()
  const self = useSelf({ enabled: board.assignee.includes(ME) })
  const selfId = self.data?.id ?? null
  const sets = useMemo(() => toTabFilterSets(board, selfId), [board, selfId])
  const counts = useCounts(sets, { enabled })
  const { data, dataUpdatedAt } = counts
  return useMemo(() => {
    if (!data) return {}
    const texts: TabCounts = {}
    TABS.forEach((tab, index) => {
      const count = data[index]
      if (count) texts[tab] = toCountText(count, dataUpdatedAt, style, t)
    })
    return texts
  }, [data, dataUpdatedAt, style, t])
}
