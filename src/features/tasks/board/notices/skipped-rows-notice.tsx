import { useI18n } from '../../../../lib/i18n/i18n.tsx'
import type { SkippedRows } from '../../api/parse-rows.ts'

/**
 * Rows the page could not read (left out) and rows shown with values it could
 * not read (marked in place): counted for the dispatcher, with the reason for
 * the first left-out row one click away for whoever fixes it.
 */
export function SkippedRowsNotice({ skipped, unreadable }: { skipped: SkippedRows; unreadable: number }) {
  const { t } = useI18n()
  if (skipped.count === 0 && unreadable === 0) return null
  return (
    <div className="notice notice--warning" role="status">
      {skipped.count > 0 && <p className="notice__title">{t.board.skipped(skipped.count)}</p>}
      {unreadable > 0 && <p className="notice__title">{t.unreadable.tasks(unreadable)}</p>}
      {skipped.count > 0 && skipped.firstReason && (
        <details className="notice__details">
          <summary>{t.board.why}</summary>
          <p>
            {t.board.skippedReason} {skipped.firstReason}
          </p>
        </details>
      )}
    </div>
  )
}
