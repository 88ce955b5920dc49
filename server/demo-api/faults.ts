import { STATUS_CODES } from 'node:http'
import { z } from 'zod'
import { errorAnswer, toRawAnswer, type JsonAnswer, type RawAnswer } from './answer.ts'

/**
 * Failures a test can ask the demo API to produce, each the kind of thing a
 * real API or the network between does: error statuses with and without
 * Retry-After, bodies that are not JSON or not a list, slow or no answers,
 * and lists with broken, mistyped or repeated rows.
 */
const faultSchema = z.strictObject({
  /** Prefix of the API path (relative to `/v2`) the fault applies to; any path when absent. */
  path: z.string().startsWith('/', 'path must start with "/"').optional(),
  /**
   * Parameters the request's query must carry, with these values (a page's
   * `limit` and `offset`, say, so a count's probes leave it alone); any query when absent.
   */
  query: z.record(z.string().max(100), z.string().max(1000)).optional(),
  /** The method it applies to (a write's fault leaves the reads around it alone); any when absent. */
  method: z.enum(['GET', 'PATCH', 'POST']).optional(),
  /**
   * A PATCH answers as usual but drops these fields, as the live API did
   * with a field it documents: the write looks accepted and is not applied.
   */
  ignoreFields: z.array(z.string().max(100)).min(1).max(50).optional(),
  count: z.int().min(1).max(10_000).default(1),
  status: z.int().min(200).max(599).optional(),
  message: z.string().max(1000).optional(),
  retryAfter: z
    .union([z.int().min(0).transform(String), z.string().trim()])
    .refine((value) => /^\d+$/.test(value) || !Number.isNaN(Date.parse(value)), {
      message: 'retryAfter must be a number of seconds or an HTTP date',
    })
    .optional(),
  body: z.enum(['json', 'malformed', 'html', 'non-array', 'hang']).optional(),
  delayMs: z.int().min(0).max(600_000).optional(),
  corruptRows: z.int().min(0).max(1000).optional(),
  mistypeRows: z.int().min(0).max(1000).optional(),
  duplicateRows: z.int().min(0).max(1000).optional(),
})

export type Fault = z.output<typeof faultSchema>

/** What a fault makes of an answer: another answer (perhaps later), or none at all. */
export type FaultOutcome = { kind: 'answer'; answer: RawAnswer; delayMs: number } | { kind: 'hang' }

export interface FaultQueue {
  /** Queues a fault from a request body; returns the problems when the body is not a valid fault. */
  add(body: unknown): string[]
  clear(): void
  /** The fault for one API request, if one is queued for its path, method and query; counts it as used. */
  take(path: string, method?: string, search?: URLSearchParams): Fault | undefined
}

/** Faults waiting at once; a test needs a handful, and an endless queue would be a memory leak on request. */
export const MAX_QUEUED_FAULTS = 100

export function createFaultQueue(): FaultQueue {
  const queue: { fault: Fault; remaining: number }[] = []
  return {
    add(body) {
      if (queue.length >= MAX_QUEUED_FAULTS) {
        return [`The fault queue is full (${MAX_QUEUED_FAULTS} faults); DELETE clears it`]
      }
      const parsed = faultSchema.safeParse(body)
      if (!parsed.success) {
        return parsed.error.issues.map((issue) => {
          const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''
          return `${where}${issue.message}`
        })
      }
      queue.push({ fault: parsed.data, remaining: parsed.data.count })
      return []
    },
    clear() {
      queue.length = 0
    },
    take(path, method = 'GET', search = new URLSearchParams()) {
      const position = queue.findIndex(
        ({ fault }) =>
          (fault.path === undefined || appliesTo(fault.path, path)) &&
          Object.entries(fault.query ?? {}).every(([name, value]) => search.get(name) === value) &&
          (fault.method === undefined || fault.method === (method === 'HEAD' ? 'GET' : method)),
      )
      const entry = queue[position]
      if (!entry) return undefined
      entry.remaining -= 1
      if (entry.remaining === 0) queue.splice(position, 1)
      return entry.fault
    },
  }
}

/** `/tasks/` covers `/tasks/`, `/tasks` and `/tasks/{id}`. */
function appliesTo(prefix: string, path: string): boolean {
  return path.startsWith(prefix) || `${path}/` === prefix
}

/**
 * The answer a request gets under a fault. An explicit `body` kind wins;
 * then an explicit `status` gives an error in the API's shape; row faults
 * and `delayMs` alone leave the answer itself alone but spoil or delay it;
 * a fault that says nothing else is a plain 500.
 */
export function applyFault(fault: Fault, answer: JsonAnswer): FaultOutcome {
  if (fault.body === 'hang') return { kind: 'hang' }
  const extraHeaders: Record<string, string> = fault.retryAfter ? { 'retry-after': fault.retryAfter } : {}
  const delayMs = fault.delayMs ?? 0
  const replaced = (raw: RawAnswer): FaultOutcome => ({
    kind: 'answer',
    answer: { ...raw, headers: { ...raw.headers, ...extraHeaders } },
    delayMs,
  })

  switch (fault.body) {
    case 'malformed':
      // Cut off mid-string, as a body truncated by a dropped connection is.
      return replaced({
        status: fault.status ?? 200,
        headers: jsonType,
        body: '[{"_id":"64f0c0ffee0000000000000a","title":"Trunc',
      })
    case 'html': {
      const status = fault.status ?? 502
      const body = `<html><body><h1>${status} ${STATUS_CODES[status] ?? 'Error'}</h1></body></html>`
      return replaced({ status, headers: { 'content-type': 'text/html; charset=utf-8' }, body })
    }
    case 'non-array':
      return replaced({ status: fault.status ?? 200, headers: jsonType, body: JSON.stringify({ data: [] }) })
    case 'json':
    case undefined:
      break
  }

  const spoilsRows = (fault.corruptRows ?? 0) > 0 || (fault.mistypeRows ?? 0) > 0 || (fault.duplicateRows ?? 0) > 0
  if (fault.body === 'json' || fault.status !== undefined || (!spoilsRows && fault.delayMs === undefined)) {
    const status = fault.status ?? 500
    return replaced(toRawAnswer(errorAnswer(status, fault.message ?? STATUS_CODES[status] ?? 'Error')))
  }
  return replaced(
    toRawAnswer({
      ...answer,
      body: spoilRows(answer.body, fault.corruptRows ?? 0, fault.mistypeRows ?? 0, fault.duplicateRows ?? 0),
    }),
  )
}

const jsonType = { 'content-type': 'application/json; charset=utf-8' }

/**
 * Breaks the first `corrupt` rows (no `_id`, `status` not an object), gives
 * the `mistype` rows after them values of the wrong kind (keeping `_id` and
 * dates), and repeats the `duplicate` intact rows after those at the end of
 * the page, as a list whose order shifted between two reads would. A single
 * object (one task) is broken when `corrupt` is at least 1, else mistyped
 * when `mistype` is. Rows are copied, never changed in place: the data stays
 * as it was for the next request.
 */
function spoilRows(body: unknown, corrupt: number, mistype: number, duplicate: number): unknown {
  if (!Array.isArray(body)) {
    if (!isRecord(body)) return body
    return corrupt > 0 ? corruptRow(body) : mistype > 0 ? mistypeRow(body) : body
  }
  const rows: readonly unknown[] = body
  const spoiled = rows.map((row, index) => {
    if (!isRecord(row)) return row
    if (index < corrupt) return corruptRow(row)
    return index < corrupt + mistype ? mistypeRow(row) : row
  })
  const intact = rows.slice(Math.min(corrupt + mistype, rows.length))
  return [...spoiled, ...intact.slice(0, duplicate)]
}

/** The kinds of drift a real API has shown: a number as title, a number as status, a bare name as assignee. */
function mistypeRow(row: Record<string, unknown>): Record<string, unknown> {
  const assignee = isRecord(row.assignee) && typeof row.assignee.name === 'string' ? row.assignee.name : 'Anna Schmidt'
  return { ...row, title: row.identifierNumber ?? 7, taskStatus: 42, assignee }
}

function corruptRow(row: Record<string, unknown>): Record<string, unknown> {
  const { _id: _dropped, ...rest } = row
  return { ...rest, status: 'corrupted' }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
