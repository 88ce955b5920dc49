import { appRequest } from '../../../lib/api-client.ts'
import { ApiError } from '../../../shared/api-error.ts'
import {
  changesAnswerSchema,
  countsAnswerSchema,
  workloadSchema,
  type Changes,
  type Count,
  type Workload,
} from './figure-schemas.ts'

interface CallOptions {
  signal?: AbortSignal
}

/**
 * Longest query one counts request carries. A view may name a hundred ids
 * per filter, and every tab repeats the view's filters: eight such sets in
 * one address would pass the app server's 16 KiB header limit (a 431).
 */
export const MAX_COUNTS_QUERY_LENGTH = 6_000
/** Filter sets the app server takes in one request (its MAX_FILTER_SETS). */
const MAX_SETS_PER_REQUEST = 40

/**
 * One count per filter set, in order. Each set is the wire form of a
 * `/tasks/` request without paging or sort (see `toFilterSet`). Sets go in
 * as few requests as keep each address short.
 */
export async function listCounts(sets: readonly string[], { signal }: CallOptions = {}): Promise<Count[]> {
  const answers = await Promise.all(batchesOf(sets).map((batch) => listCountsOnce(batch, signal)))
  return answers.flat()
}

async function listCountsOnce(sets: readonly string[], signal: AbortSignal | undefined): Promise<Count[]> {
  const params = new URLSearchParams()
  for (const set of sets) params.append('set', set)
  const body = await appRequest('/counts', { params, signal })
  const parsed = countsAnswerSchema.safeParse(body)
  if (!parsed.success || parsed.data.counts.length !== sets.length) throw unreadable('counts')
  return parsed.data.counts
}

/** A filter set and the moment its changes are counted from (ISO 8601). */
export interface ChangesAsked {
  set: string
  since: string
}

/** What changed in each filter set since its moment, in order; sets go in as few requests as keep each short. */
export async function listChanges(asked: readonly ChangesAsked[], { signal }: CallOptions = {}): Promise<Changes[]> {
  const answers = await Promise.all(
    batchesOf(asked, ({ set, since }) => new URLSearchParams({ set, since }).toString().length + 1).map(
      async (batch) => {
        const params = new URLSearchParams()
        for (const { set, since } of batch) {
          params.append('set', set)
          params.append('since', since)
        }
        const parsed = changesAnswerSchema.safeParse(await appRequest('/changes', { params, signal }))
        if (!parsed.success || parsed.data.changes.length !== batch.length) throw unreadable('changes')
        return parsed.data.changes
      },
    ),
  )
  return answers.flat()
}

function batchesOf<T>(
  items: readonly T[],
  sizeOf: (item: T) => number = (set) => new URLSearchParams({ set: String(set) }).toString().length + 1,
): T[][] {
  const batches: T[][] = []
  let length = Infinity
  for (const item of items) {
    const size = sizeOf(item)
    if (length + size > MAX_COUNTS_QUERY_LENGTH || batches.at(-1)!.length >= MAX_SETS_PER_REQUEST) {
      batches.push([])
      length = 0
    }
    batches.at(-1)!.push(item)
    length += size
  }
  return batches
}

/** The workload per assignee for `filters` (wire form, no status), with "today" in `timeZone`. */
export async function getWorkload(filters: string, timeZone: string, { signal }: CallOptions = {}): Promise<Workload> {
  const params = new URLSearchParams(filters)
  params.set('tz', timeZone)
  const body = await appRequest('/workload', { params, signal })
  const parsed = workloadSchema.safeParse(body)
  if (!parsed.success) throw unreadable('workload')
  return parsed.data
}

function unreadable(what: 'counts' | 'changes' | 'workload'): ApiError {
  return new ApiError({ kind: 'unexpected-shape', message: `The app server sent ${what} that could not be read.` })
}
