import { errorAnswer, jsonAnswer, type JsonAnswer } from './answer.ts'
import type { DemoTaskType } from './entities.ts'
import { readQueryParams } from './query-params.ts'
import { answerById, includesText } from './reference-list.ts'

export interface TaskTypesRoute {
  list(search: URLSearchParams): JsonAnswer
  get(id: string): JsonAnswer
}

/** Task types page by `page` (from 1), not `offset`, as the vendor documents them. */
export function createTaskTypesRoute(taskTypes: readonly DemoTaskType[]): TaskTypesRoute {
  function list(search: URLSearchParams): JsonAnswer {
    const params = readQueryParams(search)
    const page = params.integer('page', { min: 1, fallback: 1 })
    const limit = params.integer('limit', { min: 1, max: 1000, fallback: 100 })
    const statuses = new Set(params.integers('status'))
    const name = params.text('name')
    const ids = new Set(params.objectIds('ids'))
    if (params.problems.length > 0) return errorAnswer(400, params.problems)

    const matching = taskTypes.filter(
      (type) =>
        (statuses.size === 0 || statuses.has(type.status.status)) &&
        (!name || includesText(type.name, name)) &&
        (ids.size === 0 || ids.has(type._id)),
    )
    const start = (page - 1) * limit
    return jsonAnswer(matching.slice(start, start + limit))
  }

  return { list, get: (id) => answerById(taskTypes, id, 'Task type not found') }
}
