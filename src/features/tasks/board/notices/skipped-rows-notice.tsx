import { useI18n } from '../../../../lib/i18n/i18n.tsx'
import type { SkippedRows } from '../../api/parse-rows.ts'

/** Rows the page could not read: counted for the dispatcher, with the reason one click away for whoever fixes it. */
export function SkippedRowsNotice({ skipped }: { skipped: SkippedRows }) {
  const { t } = useI18n()
  if (skipped.count === 0) return null
  return (
    <div className="notice notice--warning" role="status">
      <p className="notice__title">{t.board.skipped(skipped.count)}</p>
      {skipped.firstReason && (
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
