import { parseTimestamp } from '../../src/shared/tasks/api/schemas.ts'
import type { TaskChange } from '../../src/shared/tasks/api/task-change.ts'

/**
 * What a task as the upstream sent it holds for the field a change names,
 * in the shape the change's `from` has. Read from the raw answer, not the
 * browser's schema: a value of an unexpected kind is text the board cannot
 * have seen, so a change made against it is a conflict, never a guess.
 */
export function currentValue(task: Record<string, unknown>, field: TaskChange['field']): string | number | null {
  switch (field) {
    case 'assignee': {
      const assignee = task.assignee
      if (assignee === null || assignee === undefined) return null
      const id = typeof assignee === 'object' ? (assignee as Record<string, unknown>).entityId : undefined
      return typeof id === 'string' ? id : `unreadable:${JSON.stringify(assignee)}`
    }
    case 'priority':
      return text(task.priority)
    case 'dueDate':
      return parseTimestamp(task.dueDate)
    case 'status':
    case 'complete':
      return text(task.taskStatus)
  }
}

/** `status.lastModifiedAt`, epoch ms; null when the task has none. */
export function modifiedAt(task: Record<string, unknown>): number | null {
  const status = task.status
  return typeof status === 'object' && status !== null
    ? parseTimestamp((status as Record<string, unknown>).lastModifiedAt)
    : null
}

/** Whether two values of one field are the same; instants to the second (an API may drop milliseconds). */
export function sameValue(field: TaskChange['field'], a: string | number | null, b: string | number | null): boolean {
  if (field === 'dueDate' && typeof a === 'number' && typeof b === 'number') {
    return Math.floor(a / 1000) === Math.floor(b / 1000)
  }
  if (field === 'assignee' && typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase()
  return a === b
}

function text(value: unknown): string | null {
  if (value === null || value === undefined) return null
  return typeof value === 'string' ? value : `unreadable:${JSON.stringify(value)}`
}
