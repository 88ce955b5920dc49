import { formatDateTime } from '../../../lib/format.ts'
import { useDateStyle } from '../../../lib/render-environment.tsx'
import type { JobChange } from '../../../shared/tasks/api/job-request.ts'
import type { TASK_STATUSES } from '../../../shared/tasks/api/schemas.ts'
import type { WRITABLE_PRIORITIES } from '../../../shared/tasks/api/task-change.ts'
import { useUsers } from '../api/use-lookups.ts'
import { useSelectionI18n } from './words/selection-words.ts'

/** What a change sets, in words: its value ("Urgent") and the whole change ("Set priority to Urgent"). */
export function useChangeWords(): (field: JobChange['field'], target: unknown) => { value: string; what: string } {
  const { t } = useSelectionI18n()
  const style = useDateStyle()
  const users = useUsers().data ?? []
  const words = t.selection
  const valueOf = (field: JobChange['field'], target: unknown): string => {
    switch (field) {
      case 'complete':
        return t.status.completed
      case 'status':
        return t.status[target as (typeof TASK_STATUSES)[number]] ?? String(target)
      case 'priority':
        return t.priority[target as (typeof WRITABLE_PRIORITIES)[number]] ?? String(target)
      case 'assignee':
        return target === null
          ? words.nobody
          : (users.find((user) => user.id === target)?.name ?? (typeof target === 'string' ? target : ''))
      case 'dueDate':
        return typeof target === 'number' ? formatDateTime(target, style) : words.noDue
    }
  }
  const fieldName = { status: words.status, priority: words.priority, assignee: t.columns.assignee, dueDate: words.due }
  return (field, target) => {
    const value = valueOf(field, target)
    return { value, what: field === 'complete' ? words.completeWhat : words.setTo(fieldName[field], value) }
  }
}
