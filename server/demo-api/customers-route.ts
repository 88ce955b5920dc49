import { errorAnswer, jsonAnswer, type JsonAnswer } from './answer.ts'
import type { DemoCustomer } from './entities.ts'
import { readQueryParams } from './query-params.ts'
import { answerById, includesText, sortItems } from './reference-list.ts'

/** Like users, customers come in pages of at most this many whatever `limit` asks for. */
export const CUSTOMERS_PAGE_CAP = 25

const CUSTOMER_SORT_FIELDS = ['name', 'number'] as const

export interface CustomersRoute {
  list(search: URLSearchParams): JsonAnswer
  get(id: string): JsonAnswer
}

export function createCustomersRoute(customers: readonly DemoCustomer[]): CustomersRoute {
  function list(search: URLSearchParams): JsonAnswer {
    const params = readQueryParams(search)
    const limit = params.integer('limit', { min: 1, max: 1000, fallback: 100 })
    const offset = params.integer('offset', { min: 0, fallback: 0 })
    const sort = params.sort(CUSTOMER_SORT_FIELDS) ?? { by: 'number', direction: 1 }
    const name = params.text('name')
    const ids = new Set(params.objectIds('ids'))
    const numbers = new Set(params.integers('number'))
    if (params.problems.length > 0) return errorAnswer(400, params.problems)

    const matching = customers.filter(
      (customer) =>
        (!name || includesText(customer.name, name)) &&
        (ids.size === 0 || ids.has(customer._id)) &&
        (numbers.size === 0 || numbers.has(customer.number)),
    )
    const key =
      sort.by === 'name' ? (customer: DemoCustomer) => customer.name : (customer: DemoCustomer) => customer.number
    const sorted = sortItems(matching, key, sort.direction)
    return jsonAnswer(sorted.slice(offset, offset + Math.min(limit, CUSTOMERS_PAGE_CAP)))
  }

  return { list, get: (id) => answerById(customers, id, 'Customer not found') }
}
