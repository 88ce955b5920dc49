import { errorAnswer, jsonAnswer, type JsonAnswer } from './answer.ts'
import { isObjectId } from './query-params.ts'
import type { SortDirection } from './sort-param.ts'
import { TEXT_COLLATOR } from './task-order.ts'

/**
 * Helpers for the small lists (users, customers, task types): a few dozen or
 * hundred items, sorted per request, unlike the pre-sorted tasks.
 */

/** Sorted by one key: text by the collator, numbers by value, missing last in both directions, ties by `_id`. */
export function sortItems<T extends { _id: string }>(
  items: readonly T[],
  key: (item: T) => string | number | null | undefined,
  direction: SortDirection,
): T[] {
  return [...items].sort((a, b) => {
    const left = key(a)
    const right = key(b)
    if (left == null || right == null) {
      if (left != null) return -1
      if (right != null) return 1
    } else {
      const order =
        typeof left === 'number' && typeof right === 'number'
          ? left - right
          : TEXT_COLLATOR.compare(String(left), String(right))
      if (order !== 0) return order * direction
    }
    return a._id < b._id ? -1 : a._id > b._id ? 1 : 0
  })
}

/** Case-insensitive substring test, as the API's `name` filters do. */
export function includesText(value: string, needle: string): boolean {
  return value.toLocaleLowerCase('de').includes(needle.toLocaleLowerCase('de'))
}

/** `GET /<things>/{id}`: 400 for an id that cannot be one, 404 for one that is not there. */
export function answerById<T extends { _id: string }>(items: readonly T[], id: string, notFound: string): JsonAnswer {
  if (!isObjectId(id))
    return errorAnswer(400, `id must be a 24-character hexadecimal ObjectId; got ${JSON.stringify(id)}`)
  const item = items.find((candidate) => candidate._id === id.toLowerCase())
  return item ? jsonAnswer(item) : errorAnswer(404, notFound)
}
