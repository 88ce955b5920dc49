import { formatDateTime, formatRelativeDay } from '../../../../lib/format.ts'
import { useI18n } from '../../../../lib/i18n/i18n.tsx'
import { useDateStyle } from '../../../../lib/render-environment.tsx'
import { useNow } from '../now-context.ts'

/** A day relative to now ("today", "in 3 days"), with the full date and time on hover. */
export function DateCell({ value }: { value: number | null }) {
  const { t } = useI18n()
  const style = useDateStyle()
  const now = useNow()
  if (value === null) return <span className="muted">{t.cells.none}</span>
  return (
    <time dateTime={new Date(value).toISOString()} title={formatDateTime(value, style)}>
      {formatRelativeDay(value, now, style)}
    </time>
  )
}
