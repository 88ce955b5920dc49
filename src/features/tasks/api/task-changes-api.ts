import { queryOptions } from '@tanstack/react-query'
import { z } from 'zod/mini'
import { appRequest } from '../../../lib/api-client.ts'
import { ApiError, isApiError } from '../../../shared/api-error.ts'
import { taskSchema, type Task } from '../../../shared/tasks/api/schemas.ts'
import {
  CHANGE_OUTCOMES,
  WRITE_OPERATIONS,
  type ChangeOutcome,
  type TaskChange,
} from '../../../shared/tasks/api/task-change.ts'

/** What the app server says of a change: how it ended, why, and the task as the API now holds it. */
export interface ChangeAnswer {
  outcome: ChangeOutcome
  message: string | null
  /** Null when the task could not be read (or the change was refused before it was). */
  task: Task | null
}

/** Sends one change through the app server's write path (never the `/api/` proxy, which only reads). */
export async function sendTaskChange(taskId: string, change: TaskChange): Promise<ChangeAnswer> {
  return readChangeAnswer(
    await appRequest(`/tasks/${encodeURIComponent(taskId)}/changes`, { method: 'POST', body: change }),
  )
}

/** The answer a refused change carried (409 conflict, 502 ignored …), or null when it carried none. */
export function changeAnswerOf(error: unknown): ChangeAnswer | null {
  if (!isApiError(error) || typeof error.body !== 'object' || error.body === null) return null
  if (!CHANGE_OUTCOMES.includes((error.body as { outcome?: ChangeOutcome }).outcome!)) return null
  return readChangeAnswer(error.body)
}

function readChangeAnswer(body: unknown): ChangeAnswer {
  const { outcome, message, task } = (body ?? {}) as Record<string, unknown>
  const parsed = taskSchema.safeParse(task)
  return {
    outcome: CHANGE_OUTCOMES.includes(outcome as ChangeOutcome) ? (outcome as ChangeOutcome) : 'failed',
    message: typeof message === 'string' ? message : null,
    task: parsed.success ? parsed.data : null,
  }
}

const loggedChangeSchema = z.object({
  at: z.string(),
  personName: z.string(),
  field: z.enum(WRITE_OPERATIONS),
  seen: z.unknown(),
  wanted: z.unknown(),
  found: z.unknown(),
  outcome: z.nullable(z.enum(CHANGE_OUTCOMES)),
})
export type LoggedChange = z.infer<typeof loggedChangeSchema>

/** The board's attempts to change one task, newest first, as the app server recorded them. */
export async function listTaskChanges(
  taskId: string,
  { signal }: { signal?: AbortSignal } = {},
): Promise<LoggedChange[]> {
  const body = await appRequest(`/tasks/${encodeURIComponent(taskId)}/changes`, { signal })
  const parsed = z.object({ changes: z.array(loggedChangeSchema) }).safeParse(body)
  if (!parsed.success) {
    throw new ApiError({
      kind: 'unexpected-shape',
      message: 'The server answered with something that is not a change log.',
    })
  }
  return parsed.data.changes
}

export const taskChangeQueries = {
  all: () => ['task-changes'] as const,
  forTask: (taskId: string) =>
    queryOptions({
      queryKey: [...taskChangeQueries.all(), taskId] as const,
      queryFn: ({ signal }) => listTaskChanges(taskId, { signal }),
    }),
}
