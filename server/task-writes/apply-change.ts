import { targetOf, type ChangeOutcome, type TaskChange } from '../../src/shared/tasks/api/task-change.ts'
import { findApiEndpoint } from '../proxy/api-endpoints.ts'
import { pickFields } from '../proxy/field-shape.ts'
import type { UpstreamAnswer, UpstreamClient } from '../upstream/upstream-client.ts'
import { refusalOf, upstreamFailureWords } from '../upstream/upstream-error.ts'
import { currentValue, modifiedAt, sameValue } from './task-values.ts'
import { upstreamWrite } from './upstream-write.ts'

export interface ChangeResult {
  outcome: ChangeOutcome
  /** The status the app server answers with. */
  status: number
  /** What happened, in a sentence; null when the change applied as asked. */
  message: string | null
  /** The task as the API holds it after the attempt (the declared fields only); null when it could not be read. */
  task: unknown
  /** A 429's wait, for the answer's Retry-After. */
  retryAfterMs?: number | null
  /** The upstream said the key is not (or no longer) good. */
  keyRefused?: boolean
  /** What the API held instead, when the change was refused as a conflict. */
  found?: unknown
  /** Headers the answer carries (a busy server's Retry-After). */
  headers?: Record<string, string>
}

export interface ApplyChangeOptions {
  upstream: UpstreamClient
  /** The key the write goes with: the dispatcher's own, or the server's. */
  key: string | undefined
  taskId: string
  change: TaskChange
  isAllowedPicture: (url: string) => boolean
  signal?: AbortSignal
}

export const changeWords = {
  conflict: 'Someone changed this task since you saw it; nothing was overwritten.',
  ignored: 'The tasks API accepted the change but did not apply it.',
  unverified: 'The tasks API took the change, but the task could not be read back: reload to see whether it applied.',
  noTask: 'This task no longer exists.',
  noPerson: 'There is no such person in this company.',
  unreadable: 'The tasks API sent a task that could not be read.',
} as const

/**
 * One change, never reported as done unless seen done: re-read the task,
 * refuse (409) when the field or `lastModifiedAt` moved since the board saw
 * them, write the smallest body, read the task back, and say what the API
 * now holds. A write whose answer was lost is read back too: it may have
 * happened.
 */
export async function applyTaskChange(options: ApplyChangeOptions): Promise<ChangeResult> {
  const { upstream, key, taskId, change, signal } = options
  const read = (path: string) => upstream({ path, key, signal })
  const shown = (task: Record<string, unknown> | null) =>
    task === null ? null : pickFields(task, TASK_SHAPE, { isAllowedPicture: options.isAllowedPicture })

  // The person check and the re-read do not depend on each other: one round trip for both.
  const person = change.field === 'assignee' ? change.to : null
  const [people, before] = await Promise.all([
    person !== null ? read(`/users/?ids=${person}`) : null,
    read(`/tasks/${taskId}`),
  ])
  if (people) {
    if (!isOk(people)) return refused(people, null)
    const found = people.json()
    if (!Array.isArray(found) || !found.some((user) => isRecord(user) && sameId(user._id, person!))) {
      return { outcome: 'refused', status: 400, message: changeWords.noPerson, task: null }
    }
  }
  if (before.status === 404) return { outcome: 'refused', status: 404, message: changeWords.noTask, task: null }
  if (!isOk(before)) return refused(before, null)
  const current = before.json()
  if (!isRecord(current)) return { outcome: 'failed', status: 502, message: changeWords.unreadable, task: null }
  const moved =
    !sameValue(change.field, currentValue(current, change.field), change.from) ||
    modifiedAt(current) !== change.seenModifiedAt
  if (moved) {
    const found = currentValue(current, change.field)
    return { outcome: 'conflict', status: 409, message: changeWords.conflict, task: shown(current), found }
  }

  const write = upstreamWrite(taskId, change)
  let written: UpstreamAnswer | null = null
  try {
    written = await upstream({ ...write, key, signal })
  } catch {
    // No answer: the write may or may not have reached the API; the read-back tells.
  }
  if (written && !isOk(written)) return refused(written, shown(current))

  let after: UpstreamAnswer
  try {
    after = await read(`/tasks/${taskId}`)
  } catch {
    return { outcome: 'failed', status: 502, message: changeWords.unverified, task: null }
  }
  const now = after.json()
  if (!isOk(after) || !isRecord(now)) {
    return { outcome: 'failed', status: 502, message: changeWords.unverified, task: null }
  }
  if (sameValue(change.field, currentValue(now, change.field), targetOf(change))) {
    return { outcome: 'applied', status: 200, message: null, task: shown(now) }
  }
  if (!written) {
    // The write went unanswered and did not happen.
    return { outcome: 'failed', status: 502, message: upstreamFailureWords.unreachable, task: shown(now) }
  }
  return { outcome: 'ignored', status: 502, message: changeWords.ignored, task: shown(now) }

  function refused(answer: UpstreamAnswer, task: unknown): ChangeResult {
    const error = refusalOf(answer, { keys: [key] })
    const status = answer.status
    // A 4xx of the request itself is the API refusing it; a 429 or 5xx is a failure to try again.
    const outcome: ChangeOutcome = status >= 400 && status < 500 && status !== 429 ? 'refused' : 'failed'
    return {
      outcome,
      status:
        status === 429 || status === 401 || status === 403 || status === 404
          ? status
          : outcome === 'refused'
            ? 422
            : 502,
      message: error.message,
      task,
      retryAfterMs: error.retryAfterMs,
      keyRefused: status === 401,
    }
  }
}

const TASK_SHAPE = findApiEndpoint('/tasks/000000000000000000000000')!.shape

function isOk(answer: UpstreamAnswer): boolean {
  return answer.status >= 200 && answer.status < 300
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function sameId(value: unknown, id: string): boolean {
  return typeof value === 'string' && value.toLowerCase() === id.toLowerCase()
}
