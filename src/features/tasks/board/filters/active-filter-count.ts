import { FILTERS, type BoardState } from '../../../../shared/tasks/url-state/board-state.ts'

/**
 * How many filter values are set, one per chip: what the collapsed "Filters"
 * button counts. The search text is left out, as its box stays in view.
 */
export function countActiveFilters(board: BoardState): number {
  return FILTERS.reduce(
    (count, [key, filter]) => (filter.control === 'search' ? count : count + filter.codec.count(board[key])),
    0,
  )
}
