import type { DemoTask, DemoUser } from './entities.ts'
import { isObjectId } from './query-params.ts'
import { PRIORITY_ORDER, TASK_STATUS_ORDER } from './task-order.ts'
import { toRelatedUser } from './users-data.ts'

/**
 * The task writes the vendor documents (`PATCH /tasks/{id}`, `POST
 * /tasks/{id}/complete`), with the behaviour a client must be ready for:
 * the fields the create body names are honoured (`assigneeId`, not the
 * read shape's `assignee`), read-only and unknown fields are accepted and
 * ignored without a word, and every accepted write moves
 * `status.lastModifiedAt` and `lastModifiedBy`.
 */

/** Fields a PATCH honours, each with its check; everything else in a body is ignored. */
const WRITABLE: Record<string, (value: unknown, users: ReadonlyMap<string, DemoUser>) => string | null> = {
  title: (value) => (typeof value === 'string' && value.trim() !== '' ? null : 'title must be a non-empty string'),
  description: nullableText('description'),
  contactPerson: nullableText('contactPerson'),
  email: nullableText('email'),
  telephone: nullableText('telephone'),
  priority: (value) =>
    value === null || (PRIORITY_ORDER as readonly unknown[]).includes(value)
      ? null
      : `priority must be one of ${PRIORITY_ORDER.join(', ')}`,
  taskStatus: (value) =>
    (TASK_STATUS_ORDER as readonly unknown[]).includes(value)
      ? null
      : `taskStatus must be one of ${TASK_STATUS_ORDER.join(', ')}`,
  dueDate: (value) =>
    value === null || dueInstant(value) !== null ? null : 'dueDate must be an ISO date-time or null',
  assigneeId: (value, users) => {
    if (value === null) return null
    if (typeof value !== 'string' || !isObjectId(value)) return 'assigneeId must be a 24-character ObjectId or null'
    return users.has(value.toLowerCase()) ? null : `assigneeId names no user of the company: ${value}`
  },
  tags: (value) =>
    Array.isArray(value) && value.every((tag) => typeof tag === 'string') ? null : 'tags must be a list of strings',
}

export interface WriteContext {
  users: ReadonlyMap<string, DemoUser>
  /** The user the write is recorded as (`lastModifiedBy`). */
  by: string
  now: number
}

/** What a PATCH did: the problems that refused it (nothing written), or the fields it wrote. */
export type PatchResult = { problems: string[] } | { written: string[] }

/**
 * Applies a PATCH body to a task, all or nothing. `ignore` names fields the
 * API should honour but (through a fault) accepts and drops, as the live
 * API did with an invoice field.
 */
export function patchTask(
  task: DemoTask,
  body: unknown,
  context: WriteContext,
  ignore: readonly string[] = [],
): PatchResult {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { problems: ['The body must be a JSON object of task fields'] }
  }
  const fields = Object.entries(body as Record<string, unknown>).filter(
    ([name]) => Object.hasOwn(WRITABLE, name) && !ignore.includes(name),
  )
  const problems = fields.flatMap(([name, value]) => WRITABLE[name]!(value, context.users) ?? [])
  if (problems.length > 0) return { problems }
  for (const [name, value] of fields) writeField(task, name, value, context.users)
  touch(task, context)
  return { written: fields.map(([name]) => name) }
}

/** Why a task cannot be completed, or null. */
export function completionRefusal(task: DemoTask): string | null {
  return task.taskStatus === 'completed' || task.taskStatus === 'cancelled'
    ? 'Task already completed or cancelled'
    : null
}

export function completeTask(task: DemoTask, context: WriteContext): void {
  task.taskStatus = 'completed'
  task.firstTerminatedAt ??= context.now
  touch(task, context)
}

function writeField(task: DemoTask, name: string, value: unknown, users: ReadonlyMap<string, DemoUser>): void {
  switch (name) {
    case 'assigneeId':
      task.assignee = value === null ? null : toRelatedUser(users.get((value as string).toLowerCase())!)
      return
    case 'dueDate':
      // Stored as the read shape mostly has it: epoch milliseconds.
      task.dueDate = value === null ? null : dueInstant(value)
      return
    case 'priority':
      if (value === null) delete task.priority
      else task.priority = value as string
      return
    case 'tags':
      task.tags = [...(value as string[])]
      return
    default:
      ;(task as unknown as Record<string, unknown>)[name] = value
  }
}

/** A new status object, not a change in place: a generated task may share nothing, but a copy costs nothing here. */
function touch(task: DemoTask, { by, now }: WriteContext): void {
  task.status = { ...task.status, lastModifiedAt: new Date(now).toISOString(), lastModifiedBy: by }
}

function nullableText(name: string) {
  return (value: unknown) => (value === null || typeof value === 'string' ? null : `${name} must be a string or null`)
}

/** An ISO date-time (as the create body documents) or epoch milliseconds; null for anything else. */
function dueInstant(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T/.test(value)) return null
  const parsed = Date.parse(value)
  return Number.isNaN(parsed) ? null : parsed
}
