import { tallyChanges, type ChangeMarks, type ChangeTally } from '../../src/shared/tasks/api/changes-since.ts'
import { parseTimestamp } from '../../src/shared/tasks/api/schemas.ts'
import { listOf, type UpstreamClient } from '../upstream/upstream-client.ts'
import { asUpstreamError } from '../upstream/upstream-error.ts'
import { hashUpstreamKey } from '../upstream/upstream-key.ts'
import type { SpendBudget } from './shared-budget.ts'
import { takeOnce, type SharedFigures } from './shared-figures.ts'
import { createFigureEntries } from './figure-entries.ts'
import type { UpstreamBackoff } from './upstream-backoff.ts'

/** How long a filter set's newest changes are answered without asking the upstream again: the board's refresh. */
export const CHANGES_TTL_MS = 60_000
/** The newest changes read per filter set, in one request: a view with more since says so ("100+"). */
export const CHANGES_READ = 100
const MAX_ENTRIES = 2_000

/**
 * What changed in a filter set since a moment, as the browser gets it; `asOf`
 * (epoch ms) is when the changes were read. `unknown` when they could not be
 * read now (the budget, a 429, the upstream away) and none were read before.
 */
export type ChangesAnswer =
  | ({ state: 'known'; asOf: number } & ChangeTally)
  | { state: 'unknown'; reason: 'budget' | 'rateLimited' | 'unavailable' }

/** The upstream refused outright (a bad key, a filter it rejects). */
export interface ChangesRefusal {
  refused: { status: number; message: string }
}

/** A filter set's newest changes, newest first, as every app server on the store shares them. */
interface Newest {
  /** Each task's last change and creation, as `[modified, created]`. */
  marks: [number | null, number | null][]
  /** The answer was shorter than asked: the view's every task was read. */
  whole: boolean
}

interface Entry {
  last: { newest: Newest; asOf: number } | null
  running: Promise<void> | null
  failure: ChangesAnswer | ChangesRefusal | null
  /** When a task of the company changed through the board: changes read before are read again. */
  expiredAt: number
}

export interface ChangeServiceOptions {
  upstream: UpstreamClient
  budget: SpendBudget
  backoff: UpstreamBackoff
  now?: () => number
  shared?: SharedFigures
}

export interface ChangeService {
  /** What changed in one canonical filter set since `since` (epoch ms), as seen with `key`. Never rejects. */
  changes(
    key: string | undefined,
    filters: URLSearchParams,
    since: number,
    companyId?: string,
  ): Promise<ChangesAnswer | ChangesRefusal>
  /** A task changed for the owners of these keys' hashes: their changes are read again when asked. */
  expire(owners: Iterable<string>): void
}

/**
 * "3 new · 5 changed": the API cannot filter by time of change, so each
 * filter set's newest changes are read once (one request, sorted by
 * `status.lastModifiedAt` descending) and every moment asked about is
 * tallied from them (`tallyChanges`). A read spends the figures' budget,
 * pauses after a 429, and is shared by every app server on the store.
 *
 * A page shorter than asked is taken as the whole view. The API may cap a
 * page below what was asked; then a view all of whose tasks read changed
 * says "N changed" where it could say "N+": an error only in that corner.
 */
export function createChangeService({
  upstream,
  budget,
  backoff,
  now = Date.now,
  shared,
}: ChangeServiceOptions): ChangeService {
  const { idOf, entryFor, expire } = createFigureEntries<Entry>(MAX_ENTRIES, () => ({
    last: null,
    running: null,
    failure: null,
    expiredAt: 0,
  }))

  const isFresh = (entry: Entry) =>
    entry.last !== null && now() - entry.last.asOf < CHANGES_TTL_MS && entry.last.asOf >= entry.expiredAt

  async function read(
    owner: string,
    key: string | undefined,
    filters: URLSearchParams,
  ): Promise<{ newest: Newest; asOf: number } | { failure: ChangesAnswer | ChangesRefusal }> {
    if (backoff.isPaused(owner)) return { failure: { state: 'unknown', reason: 'rateLimited' } }
    if (!(await budget.take(owner))) return { failure: { state: 'unknown', reason: 'budget' } }
    const query = new URLSearchParams(filters)
    query.set('limit', String(CHANGES_READ))
    query.set('offset', '0')
    query.set('sort', JSON.stringify({ by: 'status.lastModifiedAt', direction: -1 }))
    const asOf = now()
    try {
      const rows = listOf(await upstream({ path: '/tasks/', query, key, priority: 'background' }), key, asOf)
      const newest: Newest = { marks: rows.map(marksOf), whole: rows.length < CHANGES_READ }
      return { newest, asOf }
    } catch (error) {
      const failure = asUpstreamError(error)
      if (failure.status === 429) {
        backoff.pause(owner, failure.retryAfterMs)
        return { failure: { state: 'unknown', reason: 'rateLimited' } }
      }
      if (failure.status !== null && failure.status >= 400 && failure.status < 500) {
        return { failure: { refused: { status: failure.status, message: failure.message } } }
      }
      return { failure: { state: 'unknown', reason: 'unavailable' } }
    }
  }

  async function obtain(
    entry: Entry,
    id: string,
    owner: string,
    key: string | undefined,
    filters: URLSearchParams,
    companyId: string,
  ) {
    const expiredBefore = entry.expiredAt
    let failure: Entry['failure'] = null
    const { figure, adopted } = await takeOnce<Newest>(
      shared,
      { id: `changes:${id}`, companyId, ttlMs: CHANGES_TTL_MS },
      async () => {
        const result = await read(owner, key, filters)
        if ('failure' in result) {
          failure = result.failure
          return null
        }
        return { value: result.newest, asOf: result.asOf }
      },
    )
    entry.failure = failure
    if (!figure) return
    entry.last = { newest: figure.value, asOf: figure.asOf }
    // The store vouches that no change came after it, unless one came here while it was being read.
    if (adopted && entry.expiredAt === expiredBefore) entry.expiredAt = 0
  }

  return {
    async changes(key, filters, since, companyId) {
      const owner = hashUpstreamKey(key)
      const id = idOf(owner, filters)
      const entry = entryFor(id)
      if (!isFresh(entry)) {
        entry.running ??= obtain(entry, id, owner, key, filters, companyId ?? `key:${owner}`).finally(() => {
          entry.running = null
        })
        await entry.running
      }
      if (entry.failure && 'refused' in entry.failure) return entry.failure
      if (!entry.last) return entry.failure ?? { state: 'unknown', reason: 'unavailable' }
      const { newest, asOf } = entry.last
      const marks = newest.marks.map(([modified, created]): ChangeMarks => ({ modified, created }))
      return { state: 'known', asOf, ...tallyChanges(marks, since, newest.whole) }
    },
    expire: (owners) => expire(owners, now()),
  }
}

/** A row's last change and creation; a row that is no task object has neither. */
function marksOf(row: unknown): [number | null, number | null] {
  const status = (row as { status?: { lastModifiedAt?: unknown; createdAt?: unknown } } | null)?.status
  return [parseTimestamp(status?.lastModifiedAt), parseTimestamp(status?.createdAt)]
}
