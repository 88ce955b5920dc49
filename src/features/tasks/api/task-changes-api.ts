import { appRequest } from '../../../lib/api-client.ts'
import { isApiError } from '../../../shared/api-error.ts'
import { taskSchema, type Task } from '../../../shared/tasks/api/schemas.ts'
import { CHANGE_OUTCOMES, type ChangeOutcome, type TaskChange } from '../../../shared/tasks/api/task-change.ts'

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
