import { createCountProbe } from './count-probe.ts'
import { isExact, runCountSearch, startCountSearch, type CountSearch } from './count-search.ts'
import { createUpstreamBackoff, type UpstreamBackoff } from './upstream-backoff.ts'
import type { UpstreamClient } from '../upstream/upstream-client.ts'
import { asUpstreamError, type UpstreamError } from '../upstream/upstream-error.ts'
import { hashUpstreamKey } from '../upstream/upstream-key.ts'
import type { SpendBudget } from './shared-budget.ts'
import { takeOnce, type SharedFigures } from './shared-figures.ts'
import { createFigureEntries } from './figure-entries.ts'

/** How long an exact figure is served without asking the upstream again: the board's refresh. */
export const COUNT_TTL_MS = 60_000
const MAX_ENTRIES = 10_000

/** Why a figure is not a fresh exact one. */
export type CountReason = 'counting' | 'budget' | 'rateLimited' | 'unavailable'

/**
 * A count as the browser gets it. `exact` with a `reason` is the last exact
 * figure, older than a refresh; `atLeast` is a lower bound while counting
 * or when the budget or the upstream stopped it. `asOf` (epoch ms) is when
 * the figure was taken.
 */
export type CountAnswer =
  | { state: 'exact'; count: number; asOf: number; reason?: CountReason }
  | { state: 'atLeast'; count: number; asOf: number; reason: CountReason }

/** The upstream refused the count outright (a bad key, a filter it rejects): no figure to show. */
export interface CountRefusal {
  refused: { status: number; message: string }
}

interface Entry {
  exact: { count: number; asOf: number } | null
  search: CountSearch | null
  /** When the search's first answered probe went out. */
  searchStartedAt: number
  searchProbes: number
  running: Promise<void> | null
  reason: CountReason | null
  refused: UpstreamError | null
  /** When a task of the company changed through the board: a figure taken before is counted again. */
  expiredAt: number
}

export interface CountServiceOptions {
  upstream: UpstreamClient
  budget: SpendBudget
  backoff?: UpstreamBackoff
  /** How long a request waits for a running count before answering what is known so far. */
  waitMs?: number
  now?: () => number
  /** The figures every app server on the store shares; without it (no store) this server's alone. */
  shared?: SharedFigures
}

export interface CountService {
  /** The count of one canonical filter set, as seen with `key`. Never rejects. */
  count(key: string | undefined, filters: URLSearchParams, companyId?: string): Promise<CountAnswer | CountRefusal>
  /** A task changed for the owner of these keys' hashes: every figure taken before now is counted again when asked. */
  expire(owners: Iterable<string>): void
}

/**
 * One cache of counts for every browser of this server, keyed by who asks
 * (a hash of the upstream key) and the filter set. Two requests for the same
 * count share one counting run; runs spend the per-key budget, pause after
 * a 429, and resume an unfinished search where it stopped.
 */
export function createCountService({
  upstream,
  budget,
  backoff = createUpstreamBackoff(),
  waitMs = 4000,
  now = Date.now,
  shared,
}: CountServiceOptions): CountService {
  const { idOf, entryFor, expire } = createFigureEntries<Entry>(MAX_ENTRIES, () => ({
    exact: null,
    search: null,
    searchStartedAt: 0,
    searchProbes: 0,
    running: null,
    reason: null,
    refused: null,
    expiredAt: 0,
  }))

  async function run(entry: Entry, owner: string, key: string | undefined, filters: URLSearchParams): Promise<void> {
    entry.refused = null
    // A half-done search goes on where it stopped, even minutes later: answers
    // that contradict its earlier ones restart it from the latest (count-search.ts),
    // and its figure is dated from its first answered probe.
    if (!entry.search || entry.searchProbes === 0 || entry.searchStartedAt < entry.expiredAt) {
      entry.search = startCountSearch(entry.exact?.count ?? null)
      entry.searchStartedAt = now()
      entry.searchProbes = 0
    }
    const probe = createCountProbe(upstream, filters, key, now)
    const mayProbe = async () => !backoff.isPaused(owner) && (await budget.take(owner))
    try {
      const search = await runCountSearch(entry.search, probe, mayProbe, (progress) => {
        entry.search = progress
        entry.searchProbes += 1
      })
      if (isExact(search)) {
        entry.exact = { count: search.atLeast, asOf: entry.searchStartedAt }
        entry.search = null
        entry.reason = null
      } else {
        entry.reason = backoff.isPaused(owner) ? 'rateLimited' : 'budget'
      }
    } catch (error) {
      const failure = asUpstreamError(error)
      if (failure.status === 429) {
        backoff.pause(owner, failure.retryAfterMs)
        entry.reason = 'rateLimited'
      } else if (failure.status !== null && failure.status >= 400 && failure.status < 500) {
        entry.refused = failure
      } else {
        entry.reason = 'unavailable'
      }
    }
  }

  /** This server's count, or another's on the same store (see takeOnce). */
  async function obtain(
    entry: Entry,
    id: string,
    owner: string,
    key: string | undefined,
    filters: URLSearchParams,
    companyId: string,
  ): Promise<void> {
    const expiredBefore = entry.expiredAt
    const { figure, adopted } = await takeOnce<number>(
      shared,
      { id: `count:${id}`, companyId, ttlMs: COUNT_TTL_MS },
      async () => {
        await run(entry, owner, key, filters)
        return isFresh(entry) ? { value: entry.exact.count, asOf: entry.exact.asOf } : null
      },
    )
    // The store vouches that no change came after it: this server's own marks of changes do not apply,
    // unless one came while the figure was being read.
    if (figure && adopted) {
      const exact = { count: figure.value, asOf: figure.asOf }
      const expiredAt = entry.expiredAt === expiredBefore ? 0 : entry.expiredAt
      Object.assign(entry, { exact, search: null, reason: null, refused: null, expiredAt })
    }
  }

  const isFresh = (entry: Entry): entry is Entry & { exact: NonNullable<Entry['exact']> } =>
    entry.exact !== null && now() - entry.exact.asOf < COUNT_TTL_MS && entry.exact.asOf >= entry.expiredAt

  function answerOf(entry: Entry, paused: boolean): CountAnswer | CountRefusal {
    if (entry.refused && !entry.running) {
      return { refused: { status: entry.refused.status ?? 502, message: entry.refused.message } }
    }
    const exact = entry.exact
    if (isFresh(entry)) return { state: 'exact', count: entry.exact.count, asOf: entry.exact.asOf }
    const reason = entry.running ? 'counting' : paused ? 'rateLimited' : entry.reason
    // An older exact figure with no reason is one a slow, budgeted search finished: its asOf says how old.
    if (exact) return { state: 'exact', count: exact.count, asOf: exact.asOf, ...(reason ? { reason } : {}) }
    return {
      state: 'atLeast',
      count: entry.search?.atLeast ?? 0,
      asOf: entry.searchProbes > 0 ? entry.searchStartedAt : now(),
      reason: reason ?? 'counting',
    }
  }

  return {
    async count(key, filters, companyId = '') {
      const owner = hashUpstreamKey(key)
      const id = idOf(owner, filters)
      const entry = entryFor(id)
      if (!isFresh(entry) && !entry.running && !backoff.isPaused(owner)) {
        entry.running = obtain(entry, id, owner, key, filters, companyId).finally(() => (entry.running = null))
      }
      if (entry.running) await waitAtMost(entry.running, waitMs)
      return answerOf(entry, backoff.isPaused(owner))
    },
    expire: (owners) => expire(owners, now()),
  }
}

async function waitAtMost(promise: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  await Promise.race([promise, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))])
  clearTimeout(timer)
}
