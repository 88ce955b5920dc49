import { z } from 'zod/mini'
import { MAX_JOB_TASKS } from './job-limits.ts'
import { TASK_STATUSES } from './schemas.ts'
import { WRITABLE_PRIORITIES } from './task-change.ts'

/**
 * What the board sends to start a change on many tasks (a job the app
 * server runs, so it goes on when the tab closes): one change, and each
 * task with what the board saw of it, so each is changed through the same
 * conflict check as a single change. The server's answer is in task-job.ts.
 */

export { MAX_JOB_TASKS }

const objectId = z.string().check(z.regex(/^[0-9a-f]{24}$/i, 'must be a 24-character hexadecimal id'))
const instant = z.int().check(z.minimum(-8.64e15), z.maximum(8.64e15))

/** The change a job makes; completing from a selection never e-mails customers. */
export const jobChangeSchema = z.discriminatedUnion('field', [
  z.strictObject({ field: z.literal('assignee'), to: z.nullable(objectId) }),
  z.strictObject({ field: z.literal('priority'), to: z.enum(WRITABLE_PRIORITIES) }),
  z.strictObject({ field: z.literal('dueDate'), to: z.nullable(instant) }),
  z.strictObject({ field: z.literal('status'), to: z.enum(TASK_STATUSES) }),
  z.strictObject({ field: z.literal('complete') }),
])
export type JobChange = z.infer<typeof jobChangeSchema>

/** A task of a job: its id, the field's value and `lastModifiedAt` as the board saw them. */
const seenTaskSchema = z.strictObject({
  id: objectId,
  from: z.nullable(z.union([z.string().check(z.maxLength(200)), instant])),
  seenModifiedAt: z.nullable(instant),
})
export type SeenTask = z.infer<typeof seenTaskSchema>

export const jobRequestSchema = z.strictObject({
  change: jobChangeSchema,
  tasks: z.array(seenTaskSchema).check(z.minLength(1), z.maxLength(MAX_JOB_TASKS)),
})
export type JobRequest = z.infer<typeof jobRequestSchema>

/** The single change a job makes on one of its tasks. */
export function changeFor(change: JobChange, task: Pick<SeenTask, 'from' | 'seenModifiedAt'>): unknown {
  return change.field === 'complete'
    ? { field: 'complete', from: task.from, sendEmail: false, seenModifiedAt: task.seenModifiedAt }
    : { field: change.field, from: task.from, to: change.to, seenModifiedAt: task.seenModifiedAt }
}

/** The value a job sets, in the shape a change's `to` has. */
export function jobTarget(change: JobChange): string | number | null {
  return change.field === 'complete' ? 'completed' : change.to
}

/** The change a job stored as its field and target makes. */
export function jobChangeOf(field: JobChange['field'], target: unknown): JobChange {
  return (field === 'complete' ? { field } : { field, to: target }) as JobChange
}
