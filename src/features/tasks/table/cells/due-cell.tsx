import { formatDateTime } from '../../../../lib/format.ts'
import { useI18n } from '../../../../lib/i18n/i18n.tsx'
import { useDateStyle } from '../../../../lib/render-environment.tsx'
import type { Task } from '../../../../shared/tasks/api/schemas.ts'
import { describeDue } from '../due.ts'
import { useNow } from '../now-context.ts'

const FINISHED = new Set(['completed', 'cancelled'])

/** Relative due date; overdue open tasks stand out. The full date shows on hover and to assistive tech. */
export function DueCell({ task }: { task: Task }) {
  const { t } = useI18n()
  const style = useDateStyle()
  const now = useNow()
  if (task.dueDate === null) return <span className="muted">{t.cells.none}</span>
  const { text, tone } = describeDue(
    task.dueDate,
    now,
    typeof task.taskStatus === 'string' && FINISHED.has(task.taskStatus),
    t,
    style,
  )
  const full = formatDateTime(task.dueDate, style)
  return (
    <time className={`due due--${tone}`} dateTime={new Date(task.dueDate).toISOString()} title={full}>
      {text}
      <span className="visually-hidden"> ({full})</span>
    </time>
  )
}
