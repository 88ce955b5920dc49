import { errorAnswer, jsonAnswer, type JsonAnswer } from './answer.ts'
import type { DemoTask, DemoTaskType, DemoUser } from './entities.ts'
import { isObjectId, readQueryParams } from './query-params.ts'
import { buildTaskColumns } from './task-columns.ts'
import { readTaskFilter } from './task-filter.ts'
import { buildTaskOrders, TASK_SORT_FIELDS, walkInOrder, type TaskSortField } from './task-order.ts'
import { completeTask, completionRefusal, patchTask } from './task-writes.ts'
import type { SortSpec } from './sort-param.ts'

export const MAX_TASK_PAGE = 1000

/** The order of an unsorted list: newest first. */
const DEFAULT_SORT: SortSpec<TaskSortField> = { by: 'status.createdAt', direction: -1 }

export interface TasksRoute {
  /**
   * `GET /tasks/`: one page as a plain array. With `withTotal` the number of
   * matches goes in `X-Total-Count` (the live API sends no total).
   */
  list(search: URLSearchParams, withTotal: boolean): JsonAnswer
  /** `GET /tasks/{id}`. */
  get(id: string): JsonAnswer
  /** `PATCH /tasks/{id}`, recorded as user `by`; `ignore` names fields accepted and dropped (a fault). */
  patch(id: string, body: unknown, by: string, ignore?: readonly string[]): JsonAnswer
  /** `POST /tasks/{id}/complete`; an e-mail the body asks for goes to `outbox`. */
  complete(id: string, body: unknown, by: string): JsonAnswer
  /** E-mails `complete` sent, oldest first, so a test can see that none went unasked. */
  outbox(): readonly SentEmail[]
}

export interface SentEmail {
  taskId: string
  to: string
  text: string
}

/** A sent e-mail is kept for tests; a demo running for weeks keeps the latest. */
const OUTBOX_SIZE = 100

/**
 * Everything that does not depend on the request is prepared here, once:
 * the order of the tasks by each sortable field and their filterable fields
 * as columns.
 * A request then walks the order it asks for, testing its filters task by
 * task, and stops as soon as the page is full.
 */
export function createTasksRoute(
  tasks: readonly DemoTask[],
  taskTypes: readonly DemoTaskType[],
  users: readonly DemoUser[] = [],
): TasksRoute {
  let orders = buildTaskOrders(tasks)
  let columns = buildTaskColumns(tasks, taskTypes)
  // A write marks the prepared orders and columns stale; the next list rebuilds them (milliseconds for the
  // demo's default size), so any number of writes in a row costs one rebuild.
  let stale = false
  const indexById = new Map(tasks.map((task, index) => [task._id, index]))
  const usersById = new Map(users.map((user) => [user._id.toLowerCase(), user]))
  const sent: SentEmail[] = []

  function list(query: URLSearchParams, withTotal: boolean): JsonAnswer {
    const params = readQueryParams(query)
    const limit = params.integer('limit', { min: 1, max: MAX_TASK_PAGE, fallback: 100 })
    const offset = params.integer('offset', { min: 0, fallback: 0 })
    const sort = params.sort(TASK_SORT_FIELDS) ?? DEFAULT_SORT
    if (stale) {
      orders = buildTaskOrders(tasks)
      columns = buildTaskColumns(tasks, taskTypes)
      stale = false
    }
    const matches = readTaskFilter(params, columns)
    if (params.problems.length > 0) return errorAnswer(400, params.problems)

    const order = orders.get(sort.by)
    if (!order) throw new Error(`No order for ${sort.by}`)
    const page: DemoTask[] = []
    let matched = 0
    walkInOrder(order, sort.direction, (index) => {
      if (matches && !matches(index)) return true
      if (matched >= offset && page.length < limit) page.push(tasks[index]!)
      matched += 1
      return withTotal || page.length < limit
    })
    return jsonAnswer(page, withTotal ? { 'x-total-count': String(matched) } : {})
  }

  /** The task an id names, or the answer that says why there is none. */
  function find(id: string): DemoTask | JsonAnswer {
    if (!isObjectId(id))
      return errorAnswer(400, `id must be a 24-character hexadecimal ObjectId; got ${JSON.stringify(id)}`)
    const index = indexById.get(id.toLowerCase())
    return index === undefined ? errorAnswer(404, 'Task not found') : tasks[index]!
  }

  function get(id: string): JsonAnswer {
    const task = find(id)
    return isAnswer(task) ? task : jsonAnswer(task)
  }

  function patch(id: string, body: unknown, by: string, ignore: readonly string[] = []): JsonAnswer {
    const task = find(id)
    if (isAnswer(task)) return task
    const result = patchTask(task, body, { users: usersById, by, now: Date.now() }, ignore)
    if ('problems' in result) return errorAnswer(400, result.problems)
    stale = true
    return jsonAnswer(task)
  }

  function complete(id: string, body: unknown, by: string): JsonAnswer {
    const task = find(id)
    if (isAnswer(task)) return task
    const options = readCompleteBody(body)
    if (typeof options === 'string') return errorAnswer(400, options)
    const refusal = completionRefusal(task)
    if (refusal) return errorAnswer(400, refusal)
    const to = options.recipientEmail ?? task.email
    if (options.sendEmail && !to) return errorAnswer(400, 'sendEmail needs a recipientEmail: the task has no e-mail')
    completeTask(task, { users: usersById, by, now: Date.now() })
    stale = true
    if (options.sendEmail && to) {
      sent.push({ taskId: task._id, to, text: options.emailText ?? '' })
      if (sent.length > OUTBOX_SIZE) sent.shift()
    }
    return jsonAnswer({ completed: true })
  }

  return { list, get, patch, complete, outbox: () => sent }
}

function isAnswer(value: DemoTask | JsonAnswer): value is JsonAnswer {
  return 'status' in value && typeof value.status === 'number'
}

/** The optional body of `complete`: `sendEmail` (default false), `emailText`, `recipientEmail`; a string says what is wrong. */
function readCompleteBody(body: unknown): { sendEmail: boolean; emailText?: string; recipientEmail?: string } | string {
  if (body === undefined || body === null) return { sendEmail: false }
  if (typeof body !== 'object' || Array.isArray(body)) return 'The body must be a JSON object'
  const { sendEmail = false, emailText, recipientEmail } = body as Record<string, unknown>
  if (typeof sendEmail !== 'boolean') return 'sendEmail must be true or false'
  if (emailText !== undefined && typeof emailText !== 'string') return 'emailText must be a string'
  if (recipientEmail !== undefined && (typeof recipientEmail !== 'string' || !recipientEmail.includes('@')))
    return 'recipientEmail must be an e-mail address'
  return { sendEmail, emailText, recipientEmail }
}
