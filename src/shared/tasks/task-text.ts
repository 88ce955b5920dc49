import type { Task } from './api/schemas.ts'
import { isUnreadable, type Unreadable } from './api/unreadable.ts'

/** `REC-1042` as people say it; the number alone when the type is unknown; unreadable when the number is. */
export function formatIdentifier(
  task: Pick<Task, 'identifierNumber' | 'number'>,
  prefix: string | null | undefined,
): string | Unreadable {
  const number = task.identifierNumber ?? task.number
  if (number === null) return '—'
  if (isUnreadable(number)) return number
  return prefix ? `${prefix}-${number}` : String(number)
}

/** A value for looking something up by, or null when there is none or it is unreadable. */
export function readableOrNull<T>(value: T | Unreadable | null): T | null {
  return value === null || isUnreadable(value) ? null : value
}

/** The template's name, unreadable when the template or its name is; null when there is none. */
export function templateName(task: Pick<Task, 'taskTemplate'>): string | Unreadable | null {
  const template = task.taskTemplate
  if (template === null || isUnreadable(template)) return template
  return template.templateName ?? template.entityId
}
