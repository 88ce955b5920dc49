import { Link } from 'react-router'
import { useI18n } from '../../../lib/i18n/i18n.tsx'
import type { BoardState } from '../../../shared/tasks/url-state/board-state.ts'
import { workloadHref } from '../../../shared/tasks/url-state/paths.ts'
import './workload-link.css'

/** The workload of this view's filters; the view rides along for the way back. */
export function WorkloadLink({ board }: { board: BoardState }) {
  const { t } = useI18n()
  return (
    <Link className="button button--quiet workload-link" to={workloadHref(board)}>
      {t.workload.link}
    </Link>
  )
}
