import { appGet } from '../../../lib/api-client.ts'
import { ApiError } from '../../../lib/api-error.ts'
import { countsAnswerSchema, workloadSchema, type Count, type Workload } from './figure-schemas.ts'

interface CallOptions {
  signal?: AbortSignal
}

/**
 * One count per filter set, in order. Each set is the wire form of a
 * `/tasks/` request without paging or sort (see `toCountFilters`).
 */
export async function listCounts(sets: readonly string[], { signal }: CallOptions = {}): Promise<Count[]> {
  const params = new URLSearchParams()
  for (const set of sets) params.append('set', set)
  const { body } = await appGet('/counts', params, { signal })
  const parsed = countsAnswerSchema.safeParse(body)
  if (!parsed.success || parsed.data.counts.length !== sets.length) throw unreadable('counts')
  return parsed.data.counts
}

/** The workload per assignee for `filters` (wire form, no status), with "today" in `timeZone`. */
export async function getWorkload(filters: string, timeZone: string, { signal }: CallOptions = {}): Promise<Workload> {
  const params = new URLSearchParams(filters)
  params.set('tz', timeZone)
  const { body } = await appGet('/workload', params, { signal })
  const parsed = workloadSchema.safeParse(body)
  if (!parsed.success) throw unreadable('workload')
  return parsed.data
}

function unreadable(what: 'counts' | 'workload'): ApiError {
  return new ApiError({ kind: 'unexpected-shape', message: `The app server sent ${what} that could not be read.` })
}
