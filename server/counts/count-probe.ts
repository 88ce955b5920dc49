import type { Probe } from './count-search.ts'
import { toUpstreamError, UpstreamError } from './upstream-error.ts'
import type { GetUpstream } from './upstream-get.ts'

/**
 * A probe of one filter set: `GET /tasks/?<filters>&limit=1&offset=N`,
 * true when the page has a row. Rejects with an UpstreamError on anything
 * but a 200 array. No sort is sent: which row comes back does not matter.
 */
export function createCountProbe(
  getUpstream: GetUpstream,
  filters: URLSearchParams,
  key: string | undefined,
  now: () => number = Date.now,
): Probe {
  return async (offset) => {
    const params = new URLSearchParams(filters)
    params.set('limit', '1')
    params.set('offset', String(offset))
    const answer = await getUpstream('/tasks/', params, key)
    if (answer.status !== 200) throw toUpstreamError(answer, now())
    if (!Array.isArray(answer.json))
      throw new UpstreamError('The tasks API sent a task list that could not be read.', 502)
    return answer.json.length > 0
  }
}
