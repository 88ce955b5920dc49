import { formatDateTime, formatRelativeDay } from '../../../../lib/format.ts'

export function DueCell({ dueDate, now }: { dueDate: number | null; now: number }) {
  if (dueDate === null) return <span className="muted">—</span>
  return (
    <time dateTime={new Date(dueDate).toISOString()} title={formatDateTime(dueDate)}>
      {formatRelativeDay(dueDate, now)}
    </time>
  )
}
