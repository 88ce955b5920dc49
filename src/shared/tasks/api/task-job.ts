import { z } from 'zod/mini'
import { CHANGE_OUTCOMES } from './task-change.ts'

/**
 * A change on many tasks as the app server reports it: its state and each
 * task's outcome so far. What the board sends to start one is in
 * job-request.ts (kept apart: the board reads answers, only the server
 * checks requests).
 */

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
  target: z.unknown(),
  state: z.enum(JOB_STATES),
  /** Why a job stopped early, in a sentence. */
  message: z.nullable(z.string()),
  finishedAt: z.nullable(z.string()),
  items: z.array(itemSchema),
})
export type TaskJob = z.infer<typeof jobSchema>

export function isOpenJob(job: Pick<TaskJob, 'state'>): boolean {
  return job.state === 'queued' || job.state === 'running'
}
