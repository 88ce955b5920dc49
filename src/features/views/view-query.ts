import { formatBoardSearch } from '../../shared/tasks/url-state/board-search.ts'
import type { BoardState } from '../../shared/tasks/url-state/board-state.ts'

/** The board's canonical query as a view stores it: the whole state but the page. */
export function toViewQuery(board: BoardState): string {
  return formatBoardSearch({ ...board, page: 1 }).toString()
}
