import { formatNumber, formatTime } from '../../../lib/format.ts'
import { useDateStyle } from '../../../lib/render-environment.tsx'
import { useWorkloadI18n } from './words/workload-words.ts'
import type { Workload } from '../api/figure-schemas.ts'
import { ErrorNotice } from '../board/notices/error-notice.tsx'
import { UpdatedAgo } from '../board/notices/freshness.tsx'

/**
 * How old the figures are and what they cover. Under faults the last
 * figures stay on screen with a notice saying they are older; only with
 * no figures yet does the failure take their place.
 */
export function WorkloadNotices({
  data,
  error,
  onRetry,
}: {
  data: Workload | undefined
  error: Error | null
  onRetry: () => void
}) {
  const { t, locale } = useWorkloadI18n()
  const style = useDateStyle()
  if (!data) return error ? <ErrorNotice error={error} onRetry={onRetry} /> : null
  const time = formatTime(data.asOf, style)
  const stale = data.stale
    ? t.workloadPage.stale[data.stale.reason](time)
    : error
      ? t.workloadPage.refreshFailed(time)
      : null
  return (
    <>
      <p className="workload__freshness muted">
        {t.workloadPage.figuresFrom(time)} · <UpdatedAgo updatedAt={data.asOf} />
      </p>
      {stale && (
        <p className="notice notice--warning" role="status">
          {stale}
        </p>
      )}
      {data.truncated && (
        <p className="notice notice--warning">{t.workloadPage.truncated(formatNumber(data.covered, locale))}</p>
      )}
    </>
  )
}
