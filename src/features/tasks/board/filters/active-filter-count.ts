import { DEFAULT_BOARD, FILTER_KEYS, type BoardState } from '../../url-state/board-state.ts'

/**
 * How many filter values are set, one per chip: what the collapsed "Filters"
 * button counts. The search text is left out, as its box stays in view.
 */
export function countActiveFilters(board: BoardState): number {
  return FILTER_KEYS.reduce((count, key) => {
    if (key === 'q') return count
    const value = board[key]
    if (Array.isArray(value)) return count + value.length
    return count + (value === DEFAULT_BOARD[key] ? 0 : 1)
  }, 0)
}
