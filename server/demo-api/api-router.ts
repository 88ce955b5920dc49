import { errorAnswer, type JsonAnswer } from './answer.ts'
import { createCustomersRoute } from './customers-route.ts'
import type { DemoData } from './data.ts'
import { createTaskTypesRoute } from './task-types-route.ts'
import { createTasksRoute } from './tasks-route.ts'
import { createUsersRoute } from './users-route.ts'

export interface ApiRequest {
  /** Path relative to the API base, e.g. `/tasks/`. */
  path: string
  search: URLSearchParams
  /** Whether this request gets `X-Total-Count` on task lists. */
  withTotal: boolean
}

export type ApiRouter = (request: ApiRequest) => JsonAnswer

/** Routes the API's read endpoints; a trailing slash on a collection is optional, as on the live API. */
export function createApiRouter(data: DemoData): ApiRouter {
  const tasks = createTasksRoute(data.tasks, data.taskTypes)
  const taskTypes = createTaskTypesRoute(data.taskTypes)
  const users = createUsersRoute(data.users, data.self)
  const customers = createCustomersRoute(data.customers)

  return ({ path, search, withTotal }) => {
    const segments = path.split('/').slice(1)
    if (segments.at(-1) === '' && segments.length === 2) segments.pop()
    const [collection, rawId, ...rest] = segments
    if (rest.length > 0) return notFound()
    const id = rawId === undefined ? undefined : decodeSegment(rawId)
    if (id === '') return notFound()

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
