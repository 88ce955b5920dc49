import { z } from 'zod/mini'
import { TASK_STATUSES } from './schemas.ts'
import { CHANGE_OUTCOMES, WRITABLE_PRIORITIES } from './task-change.ts'

/**
 * One change made on many tasks: a job the app server runs, so it goes on
 * when the tab closes. Each task comes with what the board saw of it, and
 * each is changed through the same conflict check as a single change.
 */

/** The most tasks one job changes. */
export const MAX_JOB_TASKS = 1000

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

export const JOB_STATES = ['queued', 'running', 'done', 'cancelled', 'stopped'] as const
export type JobState = (typeof JOB_STATES)[number]

const itemSchema = z.object({
  taskId: z.string(),
  /** Null until the task's turn has come (and for the tasks a cancelled job never reached). */
  outcome: z.nullable(z.enum(CHANGE_OUTCOMES)),
  message: z.nullable(z.string()),
})
export type JobItem = z.infer<typeof itemSchema>

export const jobSchema = z.object({
  id: z.string(),
  field: z.enum(['assignee', 'priority', 'dueDate', 'status', 'complete']),
  target: z.union([z.string(), z.number(), z.null()]),
  state: z.enum(JOB_STATES),
  /** Why a job stopped early, in a sentence. */
  message: z.nullable(z.string()),
  personName: z.string(),
  createdAt: z.string(),
  finishedAt: z.nullable(z.string()),
  items: z.array(itemSchema),
})
export type TaskJob = z.infer<typeof jobSchema>

export function isOpenJob(job: Pick<TaskJob, 'state'>): boolean {
  return job.state === 'queued' || job.state === 'running'
}
