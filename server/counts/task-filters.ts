import { z } from 'zod'
// The board's filter table: every filter it counts must be one this list checks (the `satisfies` below).
import type { CountedFilterParam } from '../../src/shared/tasks/url-state/board-filters.ts'

const objectId = /^[0-9a-f]{24}$/i

/**
 * A comma-separated list, as the board sends every list filter. Items are
 * checked one by one, then normalised, de-duplicated and sorted.
 */
function list(item: RegExp, what: string, normalise: (item: string) => string = (value) => value) {
  const message = `must be a comma-separated list of ${what}`
  return z
    .string()
    .max(4000, 'is too long')
    .transform((value) => value.split(',').map((part) => part.trim()))
    .pipe(z.array(z.string().regex(item, message)).min(1, 'must not be empty'))
    .transform((items) => [...new Set(items.map(normalise))].sort().join(','))
}

const UNASSIGNED = 'unassigned_jobs'
const toLower = (value: string) => value.toLowerCase()
const ids = list(objectId, '24-character hexadecimal ObjectIds', toLower)

type FilterSchema = z.ZodType<string, string>

/**
 * The filter parameters of `GET /tasks/`, in the API's own wire format, in
 * the order a canonical filter set lists them. `limit`, `offset` and `sort`
 * are not filters: a count and the workload do not depend on them. Every
 * parameter the board's filters send for counting (their table's `counted`)
 * and its tabs' `taskStatus` must be here, or this does not compile.
 */
const TASK_FILTER_SCHEMAS = {
  customer: ids,
  userIds: list(/^([0-9a-f]{24}|unassigned_jobs)$/i, `ObjectIds or ${UNASSIGNED}`, (id) =>
    id.toLowerCase() === UNASSIGNED ? UNASSIGNED : id.toLowerCase(),
  ),
  taskAssignee: ids,
  relatedContacts: ids,
  relatedUsers: ids,
  relatedObjects: ids,
  relatedCustomers: ids,
  relatedAssignments: ids,
  relatedInvoices: ids,
  relatedEquipments: ids,
  taskByTitleIdentifier: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  taskStatus: list(/^[a-z_]{1,40}$/, 'task statuses such as open or in_progress'),
  priority: list(/^[^\p{Cc}]{1,100}$/u, 'priorities'),
  callId: ids,
  taskTabs: list(/^[\w-]{1,60}$/, 'tab names'),
  taskType: ids,
  taskFromRecurringTemplate: z.enum(['true', 'false'], { error: 'must be true or false' }),
  status: list(/^\d{1,3}$/, 'integers'),
} as const satisfies Record<string, FilterSchema> & Record<CountedFilterParam | 'taskStatus', FilterSchema>

export type TaskFilterParam = keyof typeof TASK_FILTER_SCHEMAS
export const TASK_FILTER_PARAMS = Object.keys(TASK_FILTER_SCHEMAS) as TaskFilterParam[]

/** Parameters of `/tasks/` that the server sets itself. */
const SERVER_SET = ['limit', 'offset', 'sort']

export type ParsedFilters = { ok: true; filters: URLSearchParams } | { ok: false; problems: string[] }

/**
 * Reads one filter set from untrusted parameters. Never throws. Only the
 * allow-listed filters pass; anything else, a repeated key or a bad value
 * is a problem naming the parameter. The result is canonical (fixed order,
 * lists sorted), so equal filters give one cache key.
 */
export function parseTaskFilters(
  params: URLSearchParams,
  { ignore = [], forbid = [] }: { ignore?: readonly string[]; forbid?: readonly TaskFilterParam[] } = {},
): ParsedFilters {
  const problems: string[] = []
  const seen = new Set<string>()
  for (const name of params.keys()) {
    if (ignore.includes(name)) continue
    if (seen.has(name)) {
      if (params.getAll(name).length > 1 && !problems.some((problem) => problem.startsWith(`${name} `)))
        problems.push(`${name} may be given once; send a list as one comma-separated value`)
      continue
    }
    seen.add(name)
    if (SERVER_SET.includes(name)) problems.push(`${name} is not a filter; the server sets it`)
    else if (!(name in TASK_FILTER_SCHEMAS)) problems.push(`${name} is not a filter of /tasks/`)
    else if ((forbid as readonly string[]).includes(name)) problems.push(`${name} is set by the server here`)
  }
  const filters = new URLSearchParams()
  for (const name of TASK_FILTER_PARAMS) {
    const value = params.get(name)
    if (value === null || forbid.includes(name)) continue
    const parsed = TASK_FILTER_SCHEMAS[name].safeParse(value)
    if (parsed.success) filters.set(name, parsed.data)
    else
      problems.push(
        `${name} ${parsed.error.issues[0]?.message ?? 'is invalid'}; got ${JSON.stringify(value.slice(0, 80))}`,
      )
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, filters }
}
