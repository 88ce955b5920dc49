/**
 * Counting tasks where the API has no total, one `limit=1` probe at a time.
 *
 * A probe at offset o asks "is there a row at o?": yes means count ≥ o + 1,
 * no means count ≤ o. Only the presence of a row is read, never which row,
 * so unstable or overlapping pages cannot change the result, and a page cap
 * below `limit` cannot either (the limit is 1).
 *
 * Method: without a previous figure, probe offsets 0, 1, 3, 7, 15 … (double
 * the known lower bound) until the first miss, then binary-search between
 * the last hit and that miss. With a previous exact figure N, probe N − 1
 * and N first: unchanged costs 2. When it moved, gallop away from N in
 * doubling steps (1, 2, 4 …), then binary-search: a change of d costs about
 * 2 + 2·log2(d) instead of a recount.
 *
 * Probes for a fresh count (asserted in count-search.test.ts):
 *   N = 0: 1 · N = 1: 2 · N = 50: 12 · N = 1,000: 20 · N = 5,000: 26 · N = 50,000: 32
 * Re-checking an unchanged N: 2 (1 for N = 0). From 5,000 to 5,003: 5,
 * to 4,997: 4, to 5,200: 17, to 4,800: 16; the worst case, 5,000 to 0: 23.
 * Paging through the rows instead (1,000 per request, to the empty page)
 * costs N/1000 + 1 requests of up to 1.5 MB each: 1 · 1 · 1 · 2 · 6 · 51.
 * Probes are sequential (each depends on the last), so a count takes
 * probes × latency: 25 probes at 100 ms is 2.5 s for 5,000 tasks.
 */

/** Where a search stands; plain data, so an interrupted search resumes where it stopped. */
export interface CountSearch {
  /** The count is at least this. */
  atLeast: number
  /** The count is at most this; null while no miss has been seen. */
  atMost: number | null
  /** Gallop step; null doubles the lower bound instead (a fresh count). */
  step: number | null
  /** Galloping down from a previous figure that turned out too high. */
  down: boolean
  /** Offsets of a re-check still to probe before searching (N − 1, then N). */
  checks: number[]
}

/** Answers whether the filter has a row at `offset`; rejects when the upstream gave no usable answer. */
export type Probe = (offset: number) => Promise<boolean>

/** More than a fresh count of 2^31 tasks needs. */
export const MAX_PROBES_PER_RUN = 80

/** A search from nothing, or from a previous exact figure. */
export function startCountSearch(previous: number | null = null): CountSearch {
  if (previous === null) return { atLeast: 0, atMost: null, step: null, down: false, checks: [] }
  return {
    atLeast: 0,
    atMost: null,
    step: 1,
    down: false,
    checks: previous > 0 ? [previous - 1, previous] : [0],
  }
}

export function isExact(search: CountSearch): boolean {
  return search.atMost !== null && search.atMost === search.atLeast
}

/** The next offset to probe, or null when the count is known. */
export function nextOffset(search: CountSearch): number | null {
  if (isExact(search)) return null
  const check = search.checks[0]
  if (check !== undefined) return check
  const { atLeast, atMost, step } = search
  if (atMost === null) return step === null ? Math.max(0, 2 * atLeast - 1) : atLeast - 1 + step
  if (search.down && step !== null && atMost - step >= atLeast) return atMost - step
  return atLeast + Math.floor((atMost - atLeast) / 2)
}

/** The search after a probe at `offset` answered `hit`. Pure. */
export function afterProbe(search: CountSearch, offset: number, hit: boolean): CountSearch {
  const next: CountSearch = { ...search, checks: search.checks.filter((check) => check !== offset) }
  // Answers that contradict earlier ones mean the tasks changed mid-search:
  // the latest answer wins and the search goes on from it.
  if (hit && search.atMost !== null && offset >= search.atMost) {
    return { atLeast: offset + 1, atMost: null, step: 1, down: false, checks: [] }
  }
  if (!hit && offset < search.atLeast) {
    return { atLeast: 0, atMost: offset, step: 1, down: true, checks: [] }
  }
  if (hit) {
    next.atLeast = Math.max(next.atLeast, offset + 1)
    if (search.checks.length > 0) next.checks = next.checks.filter((check) => check >= next.atLeast - 1)
    else if (search.down) next.down = false
    else if (next.step !== null && search.atMost === null) next.step *= 2
  } else {
    next.atMost = next.atMost === null ? offset : Math.min(next.atMost, offset)
    if (search.checks.length > 0) {
      // The previous figure is too high: the re-check's second probe is moot; gallop down from here.
      next.checks = []
      next.down = next.step !== null
    } else if (search.down && next.step !== null) next.step *= 2
  }
  return next
}

/**
 * Probes until the count is exact or `mayProbe` says no (budget spent).
 * Returns the search as it then stands; a failed probe rejects, and the
 * caller keeps the search it had.
 */
export async function runCountSearch(
  search: CountSearch,
  probe: Probe,
  mayProbe: () => boolean | Promise<boolean> = () => true,
  onProgress: (search: CountSearch) => void = () => {},
): Promise<CountSearch> {
  let current = search
  let probes = 0
  for (let offset = nextOffset(current); offset !== null; offset = nextOffset(current)) {
    // Tasks that keep changing could keep a search going; the next run resumes it.
    if (probes === MAX_PROBES_PER_RUN || !(await mayProbe())) return current
    probes += 1
    current = afterProbe(current, offset, await probe(offset))
    onProgress(current)
  }
  return current
}
