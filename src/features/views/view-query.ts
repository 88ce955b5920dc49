import { formatBoardSearch } from '../../shared/tasks/url-state/board-search.ts'
import type { BoardState } from '../../shared/tasks/url-state/board-state.ts'

/**
 * The board's canonical query as a view stores it: the whole state but the
 * page and the moment its changes are shown since (a look at the view, not
 * part of it).
 */
export function toViewQuery(board: BoardState): string {
  return formatBoardSearch({ ...board, page: 1, changed: null }).toString()
}
