import { Link } from 'react-router'
import { useI18n } from '../../../lib/i18n/i18n.tsx'
import type { BoardState } from '../../../shared/tasks/url-state/board-state.ts'
import { daySheetHref, workloadHref } from '../../../shared/tasks/url-state/paths.ts'
import { UNASSIGNED } from '../../../shared/tasks/url-state/board-filters.ts'
import './workload-link.css'

/** The day sheet of the one person a view is filtered to (by id or as `me`); none for another view. */
export function DaySheetLink({ board }: { board: BoardState }) {
  const { t } = useI18n()
  const [person] = board.assignee
  if (board.assignee.length !== 1 || person === UNASSIGNED) return null
  return (
    <Link className="button button--quiet workload-link" to={daySheetHref(person!)}>
      {t.board.daySheet}
    </Link>
  )
}

/** The workload of this view's filters; the view rides along for the way back. */
export function WorkloadLink({ board }: { board: BoardState }) {
  const { t } = useI18n()
  return (
    <Link className="button button--quiet workload-link" to={workloadHref(board)}>
      {t.workload.link}
    </Link>
  )
}
