import type { QueryClient } from '@tanstack/react-query'
import { afterPaint } from '../../../lib/after-paint.ts'
import { apiGet, type ApiResponse } from '../../../lib/api-client.ts'
import { ApiError } from '../../../lib/api-error.ts'
import type { FirstViewHandover } from './first-view-handover.ts'
import { toWireParams, type TaskListQuery } from './list-query.ts'
import { readTaskPageInSlices, type TaskPage } from './tasks-api.ts'

/**
 * Where a page of tasks comes from, read as it arrives: the stream behind
 * `taskQueries.list`, which owns the page's cache entry (no one else writes
 * it). A long page comes as its first rows, then whole.
 *
 * The answer the app server handed over with the page is the first view's
 * source: the first read of that very request takes it instead of asking the
 * API, so the board's first render finds its first slice in the cache.
 */
export async function* taskPageSlices(
  query: TaskListQuery,
  { client, signal }: { client: QueryClient; signal: AbortSignal },
): AsyncGenerator<TaskPage, void, undefined> {
  const params = toWireParams(query)
  const offered = take(client, params.toString())
  if (offered) {
    const { rateLimited } = offered.handover
    if (rateLimited) {
      offered.settle(false)
      // The API asked the page's own request to wait: this read meets that 429, and is retried when it may be.
      throw new ApiError({ kind: 'http', status: 429, message: 'Too many requests', ...rateLimited })
    }
    let read = false
    try {
      for await (const page of readTaskPageInSlices(
        handedOverAnswer(offered.handover),
        until(offered.restAfter, signal),
      )) {
        yield page
        // The consumer asks for the next slice only once it has put this one in the cache.
        if (!read) offered.settle(true)
        read = true
      }
      return
    } catch (error) {
      if (read) throw error
      // An answer the board cannot read is asked for again, and then meets the usual notices.
    } finally {
      offered.settle(false)
    }
  }
  yield* readTaskPageInSlices(await apiGet('/tasks/', params, { signal }), until(afterPaint, signal))
}

interface Offered {
  handover: FirstViewHandover
  restAfter: () => Promise<void>
  settle: (inCache: boolean) => void
}

/** The answer handed over to each query client (one per page load), until a read of its request takes it. */
const offers = new WeakMap<QueryClient, Offered>()

/**
 * Offers the answer the page came with to `client`'s next read of `query`.
 * Resolves true once its first slice is in the cache (the rest is read after
 * `restAfter`); false when it answers another request (it is dropped), when
 * it could not be read (the read asks the API instead) or when the read was
 * cancelled.
 */
export function handOver(
  client: QueryClient,
  query: TaskListQuery,
  handover: FirstViewHandover,
  restAfter: () => Promise<void>,
): Promise<boolean> {
  if (handover.request !== toWireParams(query).toString()) return Promise.resolve(false)
  return new Promise((settle) => offers.set(client, { handover, restAfter, settle }))
}

function take(client: QueryClient, request: string): Offered | null {
  const offered = offers.get(client)
  if (offered?.handover.request !== request) return null
  offers.delete(client)
  return offered
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

/**
 * The first slice of a handed-over answer to `query`, as the board's first
 * render in the browser will show it: what the app server renders the first
 * screen from. Null when it answers another request or cannot be read.
 */
export async function firstSliceOf(handover: FirstViewHandover, query: TaskListQuery): Promise<TaskPage | null> {
  if (handover.request !== toWireParams(query).toString()) return null
  const slices = readTaskPageInSlices(handedOverAnswer(handover), () => Promise.resolve())
  try {
    const first = await slices.next()
    return first.done ? null : first.value
  } catch {
    return null
  } finally {
    await slices.return()
  }
}

/** The handed-over answer as the API client would have given it. */
function handedOverAnswer({ totalCount, body }: FirstViewHandover): ApiResponse {
  return { body, headers: new Headers(totalCount === null ? {} : { 'x-total-count': totalCount }) }
}
