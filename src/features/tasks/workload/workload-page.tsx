import { useMemo } from 'react'
import { Link, useLocation, useNavigate } from 'react-router'
import { LanguageSwitch } from '../../../components/ui/language-switch.tsx'
import { ThemeSwitch } from '../../../components/ui/theme-switch.tsx'
import { useWorkloadI18n } from './words/workload-words.ts'
import { useWorkload } from '../api/use-figures.ts'
import { useSelf } from '../api/use-lookups.ts'
import { ME } from '../../../shared/tasks/url-state/board-filters.ts'
import { toWorkloadFilters } from '../url-state/figure-filters.ts'
import { boardHref, workloadHref } from '../../../shared/tasks/url-state/paths.ts'
import { useBoard } from '../url-state/use-board.ts'
import { parseWorkloadOrder } from '../../../shared/tasks/url-state/workload-order.ts'
import { sortWorkloadRows } from './sort-workload-rows.ts'
import { WorkloadNotices } from './workload-notices.tsx'
import { WorkloadTable } from './workload-table.tsx'
import { LiveUpdates } from '../live/live-updates.tsx'
import './workload.css'

/**
 * `/workload`: the active tasks of the board's filters per assignee. The
 * URL is the board's (its filters, and its view for the way back) plus the
 * workload's own `order`.
 */
export function WorkloadPage() {
  const { t, locale } = useWorkloadI18n()
  const { board } = useBoard()
  const { search } = useLocation()
  const navigate = useNavigate()
  const order = useMemo(() => parseWorkloadOrder(new URLSearchParams(search)), [search])
  const self = useSelf({ enabled: board.assignee.includes(ME) })
  const filters = useMemo(() => toWorkloadFilters(board, self.data?.id ?? null), [board, self.data])
  const workload = useWorkload(filters)
  const rows = useMemo(
    () => (workload.data ? sortWorkloadRows(workload.data.rows, order, locale) : []),
    [workload.data, order, locale],
  )

  return (
    <main className="workload">
      <header className="board__header">
        <h1>{t.workloadPage.title}</h1>
        <div className="board__settings">
          <LanguageSwitch />
          <ThemeSwitch />
        </div>
      </header>
      <nav aria-label={t.workloadPage.title}>
        <Link className="workload__back" to={boardHref(board)}>
          ← {t.workloadPage.toBoard}
        </Link>
      </nav>
      {/* A colleague's change through any app server takes these figures again, as on the board. */}
      <LiveUpdates />
      <WorkloadNotices data={workload.data} error={workload.error} onRetry={() => void workload.refetch()} />
      {workload.isPending && !workload.isError && <p className="muted">{t.workload.loading}</p>}
      {workload.data?.covered === 0 && (
        <div className="empty workload__empty" role="status">
          <p>{t.workloadPage.empty}</p>
        </div>
      )}
      {workload.data && workload.data.covered > 0 && (
        <>
          <div className="workload__frame">
            <WorkloadTable
              rows={rows}
              board={board}
              order={order}
              onOrder={(next) => void navigate(workloadHref(board, next))}
            />
          </div>
          <p className="workload__hint muted">
            {t.workloadPage.dueSlices} {t.workloadPage.keys}
          </p>
        </>
      )}
    </main>
  )
}
