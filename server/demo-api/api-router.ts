import { errorAnswer, type JsonAnswer } from './answer.ts'
import { createCustomersRoute } from './customers-route.ts'
import type { DemoData } from './data.ts'
import { createTaskTypesRoute } from './task-types-route.ts'
import { createTasksRoute, type TasksRoute } from './tasks-route.ts'
import { createUsersRoute } from './users-route.ts'

export interface ApiRequest {
  /** Default GET; HEAD is answered as GET (Node drops the body). */
  method?: string
  /** A write's JSON body (undefined when it sent none). */
  body?: unknown
  /** Fields a PATCH accepts and drops (a fault). */
  ignoreFields?: readonly string[]
  /** Path relative to the API base, e.g. `/tasks/`. */
  path: string
  search: URLSearchParams
  /** Whether this request gets `X-Total-Count` on task lists. */
  withTotal: boolean
}

export type ApiRouter = (request: ApiRequest) => JsonAnswer

const READS = new Set(['GET', 'HEAD'])

/**
 * Routes the API: reads of every collection, and the task writes
 * (`PATCH /tasks/{id}`, `POST /tasks/{id}/complete`) recorded as the key's
 * user. A trailing slash on a collection is optional, as on the live API.
 */
export function createApiRouter(data: DemoData): ApiRouter & { tasks: TasksRoute } {
  const tasks = createTasksRoute(data.tasks, data.taskTypes, data.users)
  const taskTypes = createTaskTypesRoute(data.taskTypes)
  const users = createUsersRoute(data.users, data.self)
  const customers = createCustomersRoute(data.customers)

  const router: ApiRouter = ({ method = 'GET', body, ignoreFields, path, search, withTotal }) => {
    const segments = path.split('/').slice(1)
    if (segments.at(-1) === '' && segments.length === 2) segments.pop()
    const [collection, rawId, ...rest] = segments
    const id = rawId === undefined ? undefined : decodeSegment(rawId)
    if (id === '') return notFound()
    if (!READS.has(method)) {
      if (collection !== 'tasks' || id === undefined) return notAllowed(method, 'GET, HEAD')
      if (rest.length === 0) {
        return method === 'PATCH'
          ? tasks.patch(id, body, data.self._id, ignoreFields)
          : notAllowed(method, 'GET, PATCH')
      }
      if (rest.length === 1 && rest[0] === 'complete') {
        return method === 'POST' ? tasks.complete(id, body, data.self._id) : notAllowed(method, 'POST')
      }
      return notFound()
    }
    if (rest.length > 0) return notFound()

    switch (collection) {
      case 'tasks':
        return id === undefined ? tasks.list(search, withTotal) : tasks.get(id)
      case 'taskTypes':
        return id === undefined ? taskTypes.list(search) : taskTypes.get(id)
      case 'users':
        // `self` is a route of its own, not an id.
        if (id === 'self') return users.self()
        return id === undefined ? users.list(search) : users.get(id)
      case 'customers':
        return id === undefined ? customers.list(search) : customers.get(id)
      default:
        return notFound()
    }
  }
  return Object.assign(router, { tasks })
}

function notAllowed(method: string, allow: string): JsonAnswer {
  return errorAnswer(405, `Method ${method} is not allowed here`, { allow })
}

function notFound(): JsonAnswer {
  return errorAnswer(404, 'Not found')
}

/** A path segment as text; a broken %-escape is kept as it came, and fails id validation. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}
