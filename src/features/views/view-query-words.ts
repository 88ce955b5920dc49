import type { ViewMessages } from './words/view-words.ts'
import { parseBoardSearch } from '../../shared/tasks/url-state/board-search.ts'
import { activeFilters } from '../../shared/tasks/url-state/board-state.ts'

/**
 * A view's query in a few words, for the history: its tab and how many
 * filters narrow it ("Open, 2 filters"). Read by the one URL codec, so a
 * query it cannot use reads as the board would open it. Never throws.
 */
export function formatViewQueryWords(query: string, t: ViewMessages): string {
  const { board } = parseBoardSearch(new URLSearchParams(query))
  return `${t.tabs[board.tab]}, ${t.viewActions.filters(activeFilters(board).length)}`
}
