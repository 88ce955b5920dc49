import { useI18n } from '../../../lib/i18n/i18n.tsx'
import { CLEAR_FILTERS, hasFilters, type BoardState } from '../../../shared/tasks/url-state/board-state.ts'
import type { BoardPatch } from '../../../shared/tasks/url-state/board-writer.ts'

/**
 * What shows in place of rows: past the last page, the way back to the
 * first; a view with filters and no match, the way to clear them; else that
 * the tab is empty. Nothing while the view still has rows.
 */
export function EmptyState({
  board,
  answered,
  shown,
  onChange,
}: {
  board: BoardState
  /** Rows in the view's own answer. */
  answered: number
  /** Rows on screen (a refresh's removals wait to be shown). */
  shown: number
  onChange: (patch: BoardPatch) => void
}) {
  const { t } = useI18n()
  if (answered === 0 && board.page > 1) {
    return (
      <div className="empty" role="status">
        <p>{t.board.pastTheEnd(board.page)}</p>
        <button type="button" className="button" onClick={() => onChange({ page: 1 })}>
          {t.board.firstPage}
        </button>
      </div>
    )
  }
  if (shown > 0) return null
  return (
    <div className="empty" role="status">
      {hasFilters(board) ? (
        <>
          <p>{t.board.noMatches}</p>
          <button type="button" className="button" onClick={() => onChange(CLEAR_FILTERS)}>
            {t.board.clearFilters}
          </button>
        </>
      ) : (
        <p>{t.board.emptyTab}</p>
      )}
    </div>
  )
}
