import { formatDateTime } from '../../../../lib/format.ts'
import type { Task } from '../../api/schemas.ts'
import { describeDue } from '../due.ts'

const FINISHED = new Set(['completed', 'cancelled'])

/** Relative due date; overdue open tasks stand out. The full date shows on hover and to assistive tech. */
export function DueCell({ task, now }: { task: Task; now: number }) {
  if (task.dueDate === null) return <span className="muted">—</span>
  const { text, tone } = describeDue(task.dueDate, now, FINISHED.has(task.taskStatus ?? ''))
  const full = formatDateTime(task.dueDate)
  return (
    <time className={`due due--${tone}`} dateTime={new Date(task.dueDate).toISOString()} title={full}>
      {text}
      <span className="visually-hidden"> ({full})</span>
    </time>
  )
}
