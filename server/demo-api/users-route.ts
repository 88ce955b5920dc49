import { errorAnswer, jsonAnswer, type JsonAnswer } from './answer.ts'
import type { DemoUser } from './entities.ts'
import { readQueryParams } from './query-params.ts'
import { answerById, includesText, sortItems } from './reference-list.ts'

/**
 * The live API returns at most this many users per page whatever `limit`
 * asks for: a short page is not the last one, and clients must page on.
 */
export const USERS_PAGE_CAP = 25

const USER_SORT_FIELDS = ['general.lastName', 'general.firstName'] as const

export interface UsersRoute {
  list(search: URLSearchParams): JsonAnswer
  /** `GET /users/self`: the user the API key belongs to. */
  self(): JsonAnswer
  get(id: string): JsonAnswer
}

export function createUsersRoute(users: readonly DemoUser[], self: DemoUser): UsersRoute {
  function list(search: URLSearchParams): JsonAnswer {
    const params = readQueryParams(search)
    const limit = params.integer('limit', { min: 1, max: 1000, fallback: 100 })
    const offset = params.integer('offset', { min: 0, fallback: 0 })
    const sort = params.sort(USER_SORT_FIELDS)
    const name = params.text('name')
    const ids = new Set(params.objectIds('ids'))
    const statuses = new Set(params.integers('status'))
    const tags = new Set(params.list('tags'))
    if (params.problems.length > 0) return errorAnswer(400, params.problems)

    let matching = users.filter(
      (user) =>
        (!name || matchesName(user, name)) &&
        (ids.size === 0 || ids.has(user._id)) &&
        (statuses.size === 0 || statuses.has(user.status.status)) &&
        (tags.size === 0 || user.tags.some((tag) => tags.has(tag))),
    )
    if (sort) {
      const key =
        sort.by === 'general.lastName'
          ? (user: DemoUser) => user.general.lastName
          : (user: DemoUser) => user.general.firstName
      matching = sortItems(matching, key, sort.direction)
    }
    return jsonAnswer(matching.slice(offset, offset + Math.min(limit, USERS_PAGE_CAP)))
  }

  return {
    list,
    self: () => jsonAnswer(self),
    get: (id) => answerById(users, id, 'User not found'),
  }
}

/** First name, last name, or both as people write them ("Sabine Krü"). */
function matchesName({ general: { firstName, lastName } }: DemoUser, name: string): boolean {
  return includesText(firstName, name) || includesText(lastName, name) || includesText(`${firstName} ${lastName}`, name)
}
