import type { DemoTask, LooseTimestamp } from './entities.ts'
import type { SortDirection } from './sort-param.ts'

/** Fields `/tasks/` can be sorted by. */
export const TASK_SORT_FIELDS = [
  'title',
  'identifierNumber',
  'number',
  'taskStatus',
  'priority',
  'dueDate',
  'assignee.name',
  'status.createdAt',
  'status.lastModifiedAt',
  'firstStartedAt',
  'firstTerminatedAt',
] as const
export type TaskSortField = (typeof TASK_SORT_FIELDS)[number]

/** Workflow order; unknown states come after these, then tasks with none. */
export const TASK_STATUS_ORDER = ['new', 'open', 'in_progress', 'in_review', 'completed', 'cancelled'] as const
/** Urgency order; unknown priorities come after these, then tasks with none. */
export const PRIORITY_ORDER = ['low', 'medium', 'high', 'urgent'] as const

/** Text order: case-insensitive, accents count, numbers by value ("Haus 2" before "Haus 10"). */
export const TEXT_COLLATOR = new Intl.Collator('de', { sensitivity: 'accent', numeric: true })

/**
 * Tasks in ascending order of one field, worked out once at start-up so a
 * request only walks it. Tasks with a value come first, ordered by value and
 * then by `_id`; tasks without one follow, by `_id`. `groupStart[p]` is where
 * the run of equal values holding position `p` begins, which lets a
 * descending walk reverse the values while keeping ties in `_id` order.
 */
export interface FieldOrder {
  order: Int32Array
  withValue: number
  groupStart: Int32Array
}

export type TaskOrders = ReadonlyMap<TaskSortField, FieldOrder>

export function buildTaskOrders(tasks: readonly DemoTask[]): TaskOrders {
  const byId = idOrder(tasks)
  const orders = new Map<TaskSortField, FieldOrder>()
  for (const field of TASK_SORT_FIELDS) orders.set(field, buildFieldOrder(sortKeys(tasks, field), byId))
  return orders
}

/**
 * Calls `visit` with task indexes in the requested order until it returns
 * false. Tasks without a value come last in both directions; equal values
 * are always in `_id` order, so pages never overlap or skip.
 */
export function walkInOrder(
  { order, withValue, groupStart }: FieldOrder,
  direction: SortDirection,
  visit: (index: number) => boolean,
): void {
  if (direction === 1) {
    for (let position = 0; position < order.length; position += 1) if (!visit(order[position]!)) return
    return
  }
  let end = withValue
  while (end > 0) {
    const start = groupStart[end - 1]!
    for (let position = start; position < end; position += 1) if (!visit(order[position]!)) return
    end = start
  }
  for (let position = withValue; position < order.length; position += 1) if (!visit(order[position]!)) return
}

/** Task indexes in `_id` order. */
function idOrder(tasks: readonly DemoTask[]): Int32Array {
  const byId = tasks.map((task, index) => ({ id: task._id.toLowerCase(), index }))
  byId.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  return Int32Array.from(byId, ({ index }) => index)
}

/**
 * Sorts without a comparator, which is what keeps a hundred thousand tasks
 * cheap. The values are sorted natively as numbers; a task's rank is where
 * its value first appears in that sorted list, which is also where its run
 * of equal values starts in the order. Taking the tasks in `_id` order and
 * filling each run from its start keeps equal values in `_id` order.
 */
function buildFieldOrder(keys: Float64Array, byId: Int32Array): FieldOrder {
  const count = keys.length
  let withValue = 0
  const values = new Float64Array(count)
  for (let index = 0; index < count; index += 1) {
    if (!Number.isNaN(keys[index]!)) values[withValue++] = keys[index]!
  }
  const sorted = values.subarray(0, withValue).sort()
  const runOf = new Int32Array(count)
  for (let index = 0; index < count; index += 1) {
    runOf[index] = Number.isNaN(keys[index]!) ? -1 : lowerBound(sorted, keys[index]!)
  }
  const nextInRun = new Int32Array(withValue)
  for (let position = 0; position < withValue; position += 1) nextInRun[position] = position
  const order = new Int32Array(count)
  const groupStart = new Int32Array(withValue)
  let withoutValue = withValue
  for (let position = 0; position < count; position += 1) {
    const index = byId[position]!
    const run = runOf[index]!
    if (run < 0) {
      order[withoutValue++] = index
      continue
    }
    const slot = nextInRun[run]!++
    order[slot] = index
    groupStart[slot] = run
  }
  return { order, withValue, groupStart }
}

/** The position of the first element not below `value` in a sorted array. */
function lowerBound(sorted: Float64Array, value: number): number {
  let low = 0
  let high = sorted.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (sorted[middle]! < value) low = middle + 1
    else high = middle
  }
  return low
}

/** One number per task that orders the field; NaN where the task has no value. */
function sortKeys(tasks: readonly DemoTask[], field: TaskSortField): Float64Array {
  switch (field) {
    case 'title':
      return textRanks(tasks.map((task) => task.title))
    case 'assignee.name':
      return textRanks(tasks.map((task) => task.assignee?.name))
    case 'identifierNumber':
      return numbers(tasks, (task) => task.identifierNumber)
    case 'number':
      return numbers(tasks, (task) => task.number)
    case 'taskStatus':
      return enumRanks(
        tasks.map((task) => task.taskStatus),
        TASK_STATUS_ORDER,
      )
    case 'priority':
      return enumRanks(
        tasks.map((task) => task.priority),
        PRIORITY_ORDER,
      )
    case 'dueDate':
      return numbers(tasks, (task) => instant(task.dueDate))
    case 'firstStartedAt':
      return numbers(tasks, (task) => instant(task.firstStartedAt))
    case 'firstTerminatedAt':
      return numbers(tasks, (task) => instant(task.firstTerminatedAt))
    case 'status.createdAt':
      return numbers(tasks, (task) => instant(task.status.createdAt))
    case 'status.lastModifiedAt':
      return numbers(tasks, (task) => instant(task.status.lastModifiedAt))
  }
}

function numbers<T>(items: readonly T[], valueOf: (item: T) => number): Float64Array {
  const values = new Float64Array(items.length)
  for (let index = 0; index < items.length; index += 1) values[index] = valueOf(items[index]!)
  return values
}

/** A timestamp's instant whatever its shape (epoch ms or ISO text); NaN when there is none. */
export function instant(value: LooseTimestamp | undefined): number {
  if (typeof value === 'number') return value
  if (typeof value === 'string') return Date.parse(value)
  return Number.NaN
}

/**
 * Ranks by the collator, computed over the distinct values (a few thousand
 * titles, forty names) instead of per comparison; values the collator calls
 * equal share a rank.
 */
function textRanks(values: readonly (string | null | undefined)[]): Float64Array {
  const distinct = [...new Set(values.filter((value): value is string => typeof value === 'string'))]
  distinct.sort(TEXT_COLLATOR.compare)
  const rankOf = new Map<string, number>()
  let rank = 0
  distinct.forEach((value, position) => {
    if (position > 0 && TEXT_COLLATOR.compare(distinct[position - 1]!, value) !== 0) rank += 1
    rankOf.set(value, rank)
  })
  return numbers(values, (value) => (typeof value === 'string' ? rankOf.get(value)! : Number.NaN))
}

/** Known values in their given order, then unknown strings alphabetically, then none. */
function enumRanks(values: readonly (string | null | undefined)[], known: readonly string[]): Float64Array {
  const unknown = textRanks(values.map((value) => (typeof value === 'string' && !known.includes(value) ? value : null)))
  const ranks = new Float64Array(values.length)
  values.forEach((value, index) => {
    const position = typeof value === 'string' ? known.indexOf(value) : -1
    ranks[index] = typeof value !== 'string' ? Number.NaN : position >= 0 ? position : known.length + unknown[index]!
  })
  return ranks
}
