import type { Probe } from './count-search.ts'
import { listOf, type UpstreamClient } from '../upstream/upstream-client.ts'

/**
 * A probe of one filter set: `GET /tasks/?<filters>&limit=1&offset=N`,
 * true when the page has a row. Rejects with an UpstreamError on anything
 * but a 200 array. No sort is sent: which row comes back does not matter.
 */
export function createCountProbe(
  upstream: UpstreamClient,
  filters: URLSearchParams,
  key: string | undefined,
  now: () => number = Date.now,
): Probe {
  return async (offset) => {
    const params = new URLSearchParams(filters)
    params.set('limit', '1')
    params.set('offset', String(offset))
    const answer = await upstream({ path: '/tasks/', query: params, key, priority: 'background' })
    return listOf(answer, key, now()).length > 0
  }
}
