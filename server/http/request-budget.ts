const WINDOW_MS = 60_000
/** Owners kept before those without a request in the last minute are swept out. */
const MAX_OWNERS = 10_000

/** Requests per caller per sliding minute. */
export interface RequestBudget {
  /** Spends one request of `owner`'s minute; false (spending nothing) when none is left. */
  take(owner: string): boolean
  /** Requests `owner` has spent in the last minute. */
  spent(owner: string): number
}

/**
 * A sliding-minute budget per upstream key. Counting spends it and the
 * board's own page requests do not, so however many counts are asked for,
 * the upstream sees at most `perMinute` counting requests per key.
 */
export function createRequestBudget(perMinute: number, now: () => number = Date.now): RequestBudget {
  const spentAt = new Map<string, number[]>()

  function recent(owner: string): number[] {
    const cutoff = now() - WINDOW_MS
    const times = (spentAt.get(owner) ?? []).filter((time) => time > cutoff)
    if (times.length === 0) spentAt.delete(owner)
    else spentAt.set(owner, times)
    return times
  }

  return {
    take(owner) {
      // Bounded like every per-client table: owners not seen for a minute go once there are many.
      if (spentAt.size > MAX_OWNERS) for (const stale of spentAt.keys()) recent(stale)
      const times = recent(owner)
      if (times.length >= perMinute) return false
      spentAt.set(owner, [...times, now()])
      return true
    },
    spent: (owner) => recent(owner).length,
  }
}
