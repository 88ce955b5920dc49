import type { TaskRelations } from './entities.ts'
import type { QueryParams } from './query-params.ts'
import type { CodedColumn, CodedListColumn, TaskColumns } from './task-columns.ts'
import { TASK_STATUS_ORDER } from './task-order.ts'

/** `userIds` token for "has no assignee". */
export const UNASSIGNED_TOKEN = 'unassigned_jobs'

/** The `related*` filters and the `related` list each one searches. */
const RELATED_FILTERS: readonly (readonly [string, keyof TaskRelations])[] = [
  ['relatedContacts', 'contacts'],
  ['relatedUsers', 'users'],
  ['relatedObjects', 'objects'],
  ['relatedCustomers', 'customers'],
  ['relatedAssignments', 'assignments'],
  ['relatedInvoices', 'invoices'],
  ['relatedEquipments', 'equipment'],
]

/** Whether the task at an index passes a request's filters. */
export type TaskPredicate = (index: number) => boolean

/**
 * The filters of a `/tasks/` request as one predicate over task indexes, or
 * null when nothing filters. Values within one filter are alternatives;
 * different filters must all hold. Problems go to `params.problems`.
 */
export function readTaskFilter(params: QueryParams, columns: TaskColumns): TaskPredicate | null {
  const checks: TaskPredicate[] = []

  const customers = params.objectIds('customer')
  if (customers.length > 0) checks.push(listHasAny(columns.related.customers, customers))

  const userIds = params.objectIdsOr('userIds', [UNASSIGNED_TOKEN])
  if (userIds.length > 0) {
    const ids = userIds.filter((id) => id !== UNASSIGNED_TOKEN)
    checks.push(valueIn(columns.assignee, ids, { orMissing: userIds.includes(UNASSIGNED_TOKEN) }))
  }

  const assignees = params.objectIds('taskAssignee')
  if (assignees.length > 0) checks.push(valueIn(columns.assignee, assignees))

  for (const [name, kind] of RELATED_FILTERS) {
    const ids = params.objectIds(name)
    if (ids.length > 0) checks.push(listHasAny(columns.related[kind], ids))
  }

  const term = params.text('taskByTitleIdentifier')
  if (term) checks.push(titleOrIdentifier(columns, term))

  const statuses = params.oneOf('taskStatus', TASK_STATUS_ORDER)
  if (statuses.length > 0) checks.push(valueIn(columns.taskStatus, statuses))

  const priorities = params.list('priority')
  if (priorities.length > 0) checks.push(valueIn(columns.priority, priorities))

  const calls = params.objectIds('callId')
  if (calls.length > 0) checks.push(valueIn(columns.callId, calls))

  // Tabs are a view of the vendor's own web app; the API accepts and ignores them.
  params.list('taskTabs')

  const types = params.objectIds('taskType')
  if (types.length > 0) checks.push(valueIn(columns.taskType, types))

  const recurring = params.boolean('taskFromRecurringTemplate')
  if (recurring !== undefined) {
    const wanted = recurring ? 1 : 0
    checks.push((index) => columns.recurring[index] === wanted)
  }

  const entityStatuses = params.integers('status')
  if (entityStatuses.length > 0) checks.push(valueIn(columns.entityStatus, entityStatuses.map(String)))

  if (checks.length === 0) return null
  return (index) => {
    for (const check of checks) if (!check(index)) return false
    return true
  }
}

/** Slot 0 stands for "no value", slot `code + 1` for a value. */
function allowedSlots(codeOf: ReadonlyMap<string, number>, values: readonly string[], orMissing: boolean): Uint8Array {
  const slots = new Uint8Array(codeOf.size + 1)
  if (orMissing) slots[0] = 1
  for (const value of values) {
    const code = codeOf.get(value)
    if (code !== undefined) slots[code + 1] = 1
  }
  return slots
}

function valueIn({ codes, codeOf }: CodedColumn, values: readonly string[], { orMissing = false } = {}): TaskPredicate {
  const slots = allowedSlots(codeOf, values, orMissing)
  return (index) => slots[codes[index]! + 1] === 1
}

function listHasAny({ offsets, codes, codeOf }: CodedListColumn, values: readonly string[]): TaskPredicate {
  const slots = allowedSlots(codeOf, values, false)
  return (index) => {
    for (let position = offsets[index]!; position < offsets[index + 1]!; position += 1) {
      if (slots[codes[position]! + 1] === 1) return true
    }
    return false
  }
}

/**
 * `taskByTitleIdentifier` finds a task by words of its title, by its
 * identifier as people say it (`REC-1042`, any case), or by the bare number
 * (`1042`, any type).
 */
function titleOrIdentifier(columns: TaskColumns, term: string): TaskPredicate {
  const lower = term.toLowerCase()
  const titleMatches = Uint8Array.from(columns.lowerTitles, (title) => (title.includes(lower) ? 1 : 0))
  const identifier = /^([a-z]+)-(\d+)$/.exec(lower)
  const number = identifier ? Number(identifier[2]) : /^\d+$/.test(lower) ? Number(lower) : null
  const prefix = identifier?.[1]
  const prefixMatches = Uint8Array.from(columns.lowerPrefixes, (typePrefix) =>
    prefix === undefined || typePrefix === prefix ? 1 : 0,
  )
  const titleCodes = columns.title.codes
  const typeCodes = columns.taskType.codes
  return (index) =>
    titleMatches[titleCodes[index]!] === 1 ||
    (number !== null && columns.identifierNumber[index] === number && prefixMatches[typeCodes[index]!] === 1)
}
