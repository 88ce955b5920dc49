import { formatNumber, formatTime } from '../../../lib/format.ts'
import { useI18n } from '../../../lib/i18n/i18n.tsx'
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
  const { t, locale } = useI18n()
  if (!data) return error ? <ErrorNotice error={error} onRetry={onRetry} /> : null
  const time = formatTime(data.asOf, locale)
  const stale = data.stale ? t.workload.stale[data.stale.reason](time) : error ? t.workload.refreshFailed(time) : null
  return (
    <>
      <p className="workload__freshness muted">
        {t.workload.figuresFrom(time)} · <UpdatedAgo updatedAt={data.asOf} />
      </p>
      {stale && (
        <p className="notice notice--warning" role="status">
          {stale}
        </p>
      )}
      {data.truncated && (
        <p className="notice notice--warning">{t.workload.truncated(formatNumber(data.covered, locale))}</p>
      )}
    </>
  )
}
