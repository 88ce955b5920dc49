import { RenderErrorNotice } from '../../../../components/ui/error-boundary.tsx'
import { useI18n } from '../../../../lib/i18n/i18n.tsx'
import type { BoardRows } from '../use-board-rows.ts'
import { ErrorNotice } from './error-notice.tsx'
import { NewRowsNotice } from './freshness.tsx'
import { SkippedRowsNotice } from './skipped-rows-notice.tsx'
import { TaskListError } from './task-list-error.tsx'
import { reloadPage } from '../../../../lib/page-address.ts'

/**
 * What the panel says above the table: a failed user lookup, a task panel
 * whose code could not be fetched, the list's error, rows left out of the
 * answer, and newer rows on offer (how fresh the rows are shows below the table).
 */
export function PanelNotices({ view, detailError }: { view: BoardRows; detailError: Error | null }) {
  const { t } = useI18n()
  const { self, tasks, page, stable } = view
  return (
    <>
      {self.isError && <ErrorNotice error={self.error} onRetry={() => void self.refetch()} />}
      {detailError && (
        // A reload keeps the address, so the same task opens once the network is back.
        <RenderErrorNotice what={t.detail.theTask} error={detailError} onRetry={reloadPage} />
      )}
      {tasks.isError && <TaskListError error={tasks.error} onRetry={() => void tasks.refetch()} />}
      {page && !tasks.isPlaceholderData && !view.reading && (
        <SkippedRowsNotice skipped={page.skipped} unreadable={page.unreadable} />
      )}
      {page && <NewRowsNotice added={stable.added} removed={stable.removed} onShow={stable.reveal} />}
    </>
  )
}
