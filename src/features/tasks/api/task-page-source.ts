import { afterPaint } from '../../../lib/after-paint.ts'
import { apiGet } from '../../../lib/api-client.ts'
import { toWireParams, type TaskListQuery } from '../../../shared/tasks/api/list-query.ts'
import { readTaskPageInSlices, type TaskPage } from './tasks-api.ts'

/**
 * Where a page of tasks comes from, read as it arrives: the stream behind
 * `taskQueries.list`, which owns the page's cache entry (no one else writes
 * it, but for the first view the app server hands over already read: see
 * `prefetchFirstView`). A long page comes as its first rows, then whole.
 */
export async function* taskPageSlices(
  query: TaskListQuery,
  { signal }: { signal: AbortSignal },
): AsyncGenerator<TaskPage, void, undefined> {
  yield* readTaskPageInSlices(
    await apiGet('/tasks/', toWireParams(query), { signal }),
    query,
    until(afterPaint, signal),
  )
}

/** Waits for `wait`, or for the read to be cancelled (then throws its reason: nothing more is read). */
function until(wait: () => Promise<void>, signal: AbortSignal): () => Promise<void> {
  return async () => {
    let stop = () => {}
    const cancelled = new Promise<void>((resolve) => (stop = resolve))
    signal.addEventListener('abort', stop, { once: true })
    try {
      await Promise.race([wait(), cancelled])
    } finally {
      signal.removeEventListener('abort', stop)
    }
    signal.throwIfAborted()
  }
}
