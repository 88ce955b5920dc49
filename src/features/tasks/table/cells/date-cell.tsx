import { formatDateTime, formatRelativeDay } from '../../../../lib/format.ts'

/** A day relative to now ("today", "in 3 days"), with the full date and time on hover. */
export function DateCell({ value, now }: { value: number | null; now: number }) {
  if (value === null) return <span className="muted">—</span>
  return (
    <time dateTime={new Date(value).toISOString()} title={formatDateTime(value)}>
      {formatRelativeDay(value, now)}
    </time>
  )
}
