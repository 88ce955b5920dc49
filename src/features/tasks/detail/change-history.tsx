import { useQuery } from '@tanstack/react-query'
import { formatDateTime } from '../../../lib/format.ts'
import { useDateStyle } from '../../../lib/render-environment.tsx'
import type { User } from '../../../shared/tasks/api/schemas.ts'
import type { TaskChange } from '../../../shared/tasks/api/task-change.ts'
import { priorityInfo, statusInfo } from '../../../shared/tasks/catalog.ts'
import { taskChangeQueries, type LoggedChange } from '../api/task-changes-api.ts'
import { useDetailI18n } from './words/detail-words.ts'

/**
 * The board's attempts to change this task, newest first, each with how it
 * ended: a change that was not made says so, and a conflict names the value
 * someone else had set instead. Changes made elsewhere (the vendor's apps)
 * are not here; the task's "Updated" field covers those.
 */
export function ChangeHistory({
  taskId,
  users,
  canWrite,
}: {
  taskId: string
  users: readonly User[]
  canWrite: boolean
}) {
  const { t } = useDetailI18n()
  const style = useDateStyle()
  const history = useQuery(taskChangeQueries.forTask(taskId))
  const words = t.taskPanel.changes
  const entries = history.data ?? []
  if (!canWrite && entries.length === 0) return null

  const valueText = (field: TaskChange['field'], value: unknown): string => {
    if (value === null || value === undefined) return field === 'assignee' ? words.nobody : t.cells.none
    switch (field) {
      case 'assignee':
        return users.find((user) => user.id === value)?.name ?? plain(value)
      case 'priority':
        return priorityInfo(plain(value), t)?.label ?? plain(value)
      case 'dueDate':
        return typeof value === 'number' ? formatDateTime(value, style) : plain(value)
      case 'status':
      case 'complete':
        return statusInfo(plain(value), t).label
    }
  }
  const fieldLabel = (field: TaskChange['field']) =>
    field === 'complete' ? t.taskPanel.fields.status : t.taskPanel.fields[field === 'dueDate' ? 'due' : field]
  const line = (entry: LoggedChange) => {
    const change = `${fieldLabel(entry.field)}: ${valueText(entry.field, entry.seen)} → ${valueText(entry.field, entry.wanted)}`
    const outcome = words.outcomes[entry.outcome ?? 'pending']
    const instead = entry.outcome === 'conflict' ? ` (${valueText(entry.field, entry.found)})` : ''
    return `${change} — ${outcome}${instead}`
  }

  return (
    <section className="detail__section">
      <h3>{words.history}</h3>
      {history.isError ? (
        <p className="muted">{words.historyFailed}</p>
      ) : entries.length === 0 ? (
        <p className="muted">{history.isPending ? t.pager.loading : words.noHistory}</p>
      ) : (
        <ol className="change-history">
          {entries.map((entry) => (
            <li key={`${entry.at}-${entry.field}-${plain(entry.wanted)}`}>
              <span className="muted">
                {formatDateTime(Date.parse(entry.at), style)} · {entry.personName}
              </span>{' '}
              <span className={entry.outcome === 'applied' ? undefined : 'change-history__not-made'}>
                {line(entry)}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}

/** A logged value as text: what the board recorded is a string, a number or null. */
function plain(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : JSON.stringify(value)
}
