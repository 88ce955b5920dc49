import { errorAnswer, jsonAnswer, type JsonAnswer } from './answer.ts'
import type { DemoTask, DemoTaskType } from './entities.ts'
import { isObjectId, readQueryParams } from './query-params.ts'
import { buildTaskColumns } from './task-columns.ts'
import { readTaskFilter } from './task-filter.ts'
import { buildTaskOrders, TASK_SORT_FIELDS, walkInOrder, type TaskSortField } from './task-order.ts'
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
}

/**
 * Everything that does not depend on the request is prepared here, once:
 * the order of the tasks by each sortable field and their filterable fields
 * as columns.
 * A request then walks the order it asks for, testing its filters task by
 * task, and stops as soon as the page is full.
 */
export function createTasksRoute(tasks: readonly DemoTask[], taskTypes: readonly DemoTaskType[]): TasksRoute {
  const orders = buildTaskOrders(tasks)
  const columns = buildTaskColumns(tasks, taskTypes)
  const indexById = new Map(tasks.map((task, index) => [task._id, index]))

  function list(query: URLSearchParams, withTotal: boolean): JsonAnswer {
    const params = readQueryParams(query)
    const limit = params.integer('limit', { min: 1, max: MAX_TASK_PAGE, fallback: 100 })
    const offset = params.integer('offset', { min: 0, fallback: 0 })
    const sort = params.sort(TASK_SORT_FIELDS) ?? DEFAULT_SORT
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

  function get(id: string): JsonAnswer {
    if (!isObjectId(id))
      return errorAnswer(400, `id must be a 24-character hexadecimal ObjectId; got ${JSON.stringify(id)}`)
    const index = indexById.get(id.toLowerCase())
    return index === undefined ? errorAnswer(404, 'Task not found') : jsonAnswer(tasks[index])
  }

  return { list, get }
}
