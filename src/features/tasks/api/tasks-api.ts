import { afterPaint } from '../../../lib/after-paint.ts'
import { apiGet, type ApiResponse } from '../../../lib/api-client.ts'
import { parseRows, parseRowsInSlices, type ParsedRows, type SkippedRows } from './parse-rows.ts'
import { TASK_TYPES_REQUEST, toWireParams, type TaskListQuery } from '../../../shared/tasks/api/list-query.ts'
import {
  customerSchema,
  taskSchema,
  taskTypeSchema,
  userSchema,
  type Customer,
  type Task,
  type TaskType,
  type User,
} from '../../../shared/tasks/api/schemas.ts'
import { ApiError } from '../../../shared/api-error.ts'
import { hasUnreadable } from '../../../shared/tasks/api/unreadable.ts'
import { changedAfter } from '../../../shared/tasks/api/changes-since.ts'

interface CallOptions {
  signal?: AbortSignal
}

export interface TaskPage {
  tasks: Task[]
  skipped: SkippedRows
  /** Tasks shown with at least one value the board could not read (shown as unreadable). */
  unreadable: number
  /** From `X-Total-Count` when the server sends one; the live API does not. */
  totalCount: number | null
  /** Only the answer's first rows: the rest is still being read (see `readTaskPageInSlices`). */
  partial?: true
}

/** Pages up to this long are read in one go: that fits between two frames. */
export const ONE_SLICE_MAX = 100
/** A longer page first hands over (what it can read of) this many rows: more than a screen shows. */
export const FIRST_SCREEN_ROWS = 50

/**
 * One page of tasks from a list answer, as it is read: every answer,
 * fetched or handed over with the page, is read here.
 *
 * A page up to 100 rows comes whole. A longer one first comes as the rows
 * of its first 50 that can be read (`partial`), and whole once `restAfter`
 * has resolved (the first rows are on screen): the first screen waits for
 * the answer, not for checking all of its rows. One answer either way, so
 * the first rows and the rest never overlap or skip.
 */
export async function* readTaskPageInSlices(
  { body, headers }: ApiResponse,
  query: Pick<TaskListQuery, 'changedSince'>,
  restAfter: () => Promise<void> = afterPaint,
): AsyncGenerator<TaskPage, void, undefined> {
  const first = Array.isArray(body) && body.length > ONE_SLICE_MAX ? FIRST_SCREEN_ROWS : undefined
  for await (const slice of parseRowsInSlices(body, taskSchema, 'tasks', first)) {
    if (slice.complete) {
      yield toTaskPage(slice, headers, query)
    } else {
      yield { ...toTaskPage(slice, headers, query), partial: true }
      await restAfter()
    }
  }
}

/** One page of tasks in one go: for a page of a row or a few, such as asking whether a next page exists. */
export async function listTasks(query: TaskListQuery, { signal }: CallOptions = {}): Promise<TaskPage> {
  return readTaskPage(await apiGet('/tasks/', toWireParams(query), { signal }), query)
}

/** A list answer read whole, as the app server reads the page's first view. Throws an `ApiError` when it is no list. */
export function readTaskPage({ body, headers }: ApiResponse, query: Pick<TaskListQuery, 'changedSince'>): TaskPage {
  return toTaskPage(parseRows(body, taskSchema, 'tasks'), headers, query)
}

/** The page of a query: for a view of changes (`changedSince`), the rows down to where its changes end. */
function toTaskPage(
  { rows, skipped }: ParsedRows<Task>,
  headers: Headers,
  { changedSince }: Pick<TaskListQuery, 'changedSince'>,
): TaskPage {
  const tasks =
    changedSince === undefined ? rows : rows.filter((task) => changedAfter(task.status.lastModifiedAt, changedSince))
  const unreadable = tasks.filter(hasUnreadable).length
  return { tasks, skipped, unreadable, totalCount: changedSince === undefined ? readTotalCount(headers) : null }
}

export async function getTask(id: string, { signal }: CallOptions = {}): Promise<Task> {
  const { body } = await apiGet(`/tasks/${encodeURIComponent(id)}`, undefined, { signal })
  const parsed = taskSchema.safeParse(body)
  if (!parsed.success) {
    throw new ApiError({
      kind: 'unexpected-shape',
      reason: { code: 'unreadable-item', what: 'task' },
    })
  }
  return parsed.data
}

export async function listTaskTypes({ signal }: CallOptions = {}): Promise<TaskType[]> {
  const { body } = await apiGet('/taskTypes/', new URLSearchParams(TASK_TYPES_REQUEST), { signal })
  return readTaskTypes(body)
}

/** The task types of an answer to `/taskTypes/`, fetched here or by the app server for the first view. */
export function readTaskTypes(body: unknown): TaskType[] {
  return parseRows(body, taskTypeSchema, 'task types').rows
}

const USERS_PAGE_LIMIT = 1000
/** A guard against a server that never sends an empty page. */
const MAX_USER_PAGES = 50

/**
 * Every user. Some list endpoints cap the page size below the requested
 * limit, so a short page is not proof of the last one: the walk ends on an
 * empty page, or on a page that adds no new user (a server ignoring `offset`).
 */
export async function listUsers({ signal }: CallOptions = {}): Promise<User[]> {
  const users = new Map<string, User>()
  let offset = 0
  for (let page = 0; page < MAX_USER_PAGES; page += 1) {
    const params = new URLSearchParams({ limit: String(USERS_PAGE_LIMIT), offset: String(offset) })
    const { body } = await apiGet('/users/', params, { signal })
    if (Array.isArray(body) && body.length === 0) break
    const { rows } = parseRows(body, userSchema, 'users')
    const before = users.size
    for (const user of rows) users.set(user.id, user)
    if (users.size === before) break
    offset += (body as unknown[]).length
  }
  return [...users.values()]
}

export async function getSelf({ signal }: CallOptions = {}): Promise<User> {
  const { body } = await apiGet('/users/self', undefined, { signal })
  return readSelf(body)
}

/** The answer to `/users/self` read, as the board and the app server's first view read it. Throws an `ApiError`. */
export function readSelf(body: unknown): User {
  const parsed = userSchema.safeParse(body)
  if (!parsed.success) {
    throw new ApiError({
      kind: 'unexpected-shape',
      reason: { code: 'unreadable-item', what: 'user' },
    })
  }
  return parsed.data
}

const CUSTOMER_SEARCH_LIMIT = 50

/**
 * One page of customers: those whose name contains `name` (search as you
 * type), or those with the given ids (to name the ones a view filters by).
 */
export async function listCustomers(
  { name = '', ids = [] }: { name?: string; ids?: readonly string[] },
  { signal }: CallOptions = {},
): Promise<Customer[]> {
  const params = new URLSearchParams({ limit: String(CUSTOMER_SEARCH_LIMIT) })
  if (name.trim()) params.set('name', name.trim())
  if (ids.length > 0) params.set('ids', ids.join(','))
  const { body } = await apiGet('/customers/', params, { signal })
  return parseRows(body, customerSchema, 'customers').rows
}

function readTotalCount(headers: Headers): number | null {
  const value = headers.get('x-total-count')
  if (value === null || !/^\d+$/.test(value.trim())) return null
  return Number(value)
}
