import { TASK_STATUSES } from '../../src/shared/tasks/api/schemas.ts'
import {
  WRITABLE_PRIORITIES,
  WRITE_OPERATIONS,
  type TaskChange,
  type WriteOperation,
} from '../../src/shared/tasks/api/task-change.ts'
import type { UpstreamClient } from '../upstream/upstream-client.ts'
import { refusalOf } from '../upstream/upstream-error.ts'
import { currentValue, modifiedAt, sameValue } from './task-values.ts'
import { upstreamWrite, type UpstreamWrite } from './upstream-write.ts'

/** Fields the vendor's schema marks read-only, and the names and pictures copied into a task: never sent back. */
export const READ_ONLY_TASK_FIELDS = [
  '_id',
  'number',
  'companyId',
  'status',
  'chatId',
  'identifierNumber',
  'taskType',
  'taskTemplate',
  'firstStartedAt',
  'firstTerminatedAt',
  'complaintCreatedAt',
  'assignee',
  'related',
] as const

export type BodyKind = 'partial' | 'whole'

export interface OperationCheck {
  operation: WriteOperation
  /** Whether a write was read back as made, and with which body. */
  honoured: boolean
  body: BodyKind | null
  /** Whether the original value was written back and read back. */
  restored: boolean | null
  /** What happened, for the operator: the API's refusal, or why the check was skipped. */
  notes: string[]
}

type Raw = Record<string, unknown>

/**
 * Tries each task write against one sacrificial task: write, read back,
 * write the original back, read back. A write is tried with the smallest
 * body first, then with the whole task minus its read-only fields; the
 * report says which one the API honoured, so an operator enables in
 * `TASK_WRITES` exactly what works. Completing cannot be undone by the
 * same operation: its original status is written back as a status change.
 * No e-mail is ever asked for.
 */
export async function checkWrites({
  upstream,
  key,
  taskId,
  operations = WRITE_OPERATIONS,
}: {
  upstream: UpstreamClient
  key: string | undefined
  taskId: string
  operations?: readonly WriteOperation[]
}): Promise<OperationCheck[]> {
  const read = async (): Promise<Raw> => {
    const answer = await upstream({ path: `/tasks/${taskId}`, key })
    const body = answer.json()
    if (answer.status !== 200 || typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new Error(`Reading the task failed: ${refusalOf(answer, { keys: [key] }).message}`)
    }
    return body as Raw
  }
  const users = await upstream({ path: '/users/?limit=25', key })
  const userIds = ((users.json() ?? []) as Raw[]).flatMap((user) => (typeof user._id === 'string' ? [user._id] : []))

  const results: OperationCheck[] = []
  for (const operation of operations) {
    const original = await read()
    const change = changeFor(operation, original, userIds)
    if (typeof change === 'string') {
      results.push({ operation, honoured: false, body: null, restored: null, notes: [change] })
      continue
    }
    const check: OperationCheck = { operation, honoured: false, body: null, restored: null, notes: [] }
    for (const kind of ['partial', 'whole'] as const) {
      const outcome = await tryWrite(change, kind, original)
      if (outcome !== true) {
        check.notes.push(`${kind} body: ${outcome}`)
        continue
      }
      check.honoured = true
      check.body = kind
      break
    }
    if (check.honoured) {
      const now = await read()
      const back = restoringChange(operation, original, now)
      const outcome = typeof back === 'string' ? back : await tryWrite(back, check.body!, now)
      check.restored = outcome === true
      if (outcome !== true) check.notes.push(`writing the original back: ${outcome}`)
    }
    results.push(check)
  }
  return results

  /** True when the write was read back as made; else what happened. */
  async function tryWrite(change: TaskChange, kind: BodyKind, task: Raw): Promise<true | string> {
    const write = kind === 'partial' ? upstreamWrite(taskId, change) : wholeWrite(taskId, change, task)
    const answer = await upstream({ ...write, key })
    if (answer.status < 200 || answer.status >= 300) {
      return `refused (${answer.status}: ${refusalOf(answer, { keys: [key] }).message})`
    }
    const target = change.field === 'complete' ? 'completed' : change.to
    const after = await read()
    return sameValue(change.field, currentValue(after, change.field), target) ? true : 'accepted but not applied'
  }
}

/** A change to a value the task does not hold, for each operation; a string when the task cannot take one. */
function changeFor(operation: WriteOperation, task: Raw, userIds: readonly string[]): TaskChange | string {
  const seenModifiedAt = modifiedAt(task)
  const value = currentValue(task, operation)
  switch (operation) {
    case 'assignee': {
      const to = userIds.find((id) => !sameValue('assignee', id, value))
      return to ? { field: 'assignee', from: value as string | null, to, seenModifiedAt } : 'skipped: no user to assign'
    }
    case 'priority':
      return { field: 'priority', from: value as string | null, to: value === 'high' ? 'low' : 'high', seenModifiedAt }
    case 'dueDate': {
      const from = value as number | null
      const to = from === null ? Date.now() + 86_400_000 : from + 86_400_000
      return { field: 'dueDate', from, to: Math.floor(to / 60_000) * 60_000, seenModifiedAt }
    }
    case 'status':
      return {
        field: 'status',
        from: value as string | null,
        to: value === 'in_review' ? 'open' : 'in_review',
        seenModifiedAt,
      }
    case 'complete':
      return value === 'completed' || value === 'cancelled'
        ? `skipped: the task is ${value}; completing it is refused (choose a task that is not finished)`
        : { field: 'complete', from: value as string | null, sendEmail: false, seenModifiedAt }
  }
}

/**
 * The change that puts the original value back (a completed task's status
 * by a status change); a string when the original is one the board cannot
 * write (an unknown priority, no status).
 */
function restoringChange(operation: WriteOperation, original: Raw, now: Raw): TaskChange | string {
  const seenModifiedAt = modifiedAt(now)
  const value = currentValue(original, operation)
  const cannot = `the original value ${JSON.stringify(value)} is not one the board can write; set it back by hand`
  switch (operation) {
    case 'assignee':
      if (typeof value === 'string' && value.startsWith('unreadable:')) return cannot
      return {
        field: 'assignee',
        from: currentValue(now, 'assignee') as string | null,
        to: value as string | null,
        seenModifiedAt,
      }
    case 'priority': {
      const to = WRITABLE_PRIORITIES.find((priority) => priority === value)
      if (!to) return cannot
      return { field: 'priority', from: currentValue(now, 'priority') as string | null, to, seenModifiedAt }
    }
    case 'dueDate':
      return {
        field: 'dueDate',
        from: currentValue(now, 'dueDate') as number | null,
        to: value as number | null,
        seenModifiedAt,
      }
    case 'status':
    case 'complete': {
      const to = TASK_STATUSES.find((status) => status === value)
      if (!to) return cannot
      return { field: 'status', from: currentValue(now, 'status') as string | null, to, seenModifiedAt }
    }
  }
}

/** The whole task as a PATCH body: every field it holds but the read-only ones, with the change applied. */
function wholeWrite(taskId: string, change: TaskChange, task: Raw): UpstreamWrite {
  const partial = upstreamWrite(taskId, change)
  if (partial.method !== 'PATCH') return partial
  const body: Raw = {}
  for (const [name, value] of Object.entries(task)) {
    if (!(READ_ONLY_TASK_FIELDS as readonly string[]).includes(name)) body[name] = value
  }
  const assignee = task.assignee
  if (typeof assignee === 'object' && assignee !== null) body.assigneeId = (assignee as Raw).entityId ?? null
  return { ...partial, json: { ...body, ...partial.json } }
}
