/** When a 429 names no wait, counting pauses this long. */
export const DEFAULT_BACKOFF_MS = 30_000
/** A Retry-After of hours would stop counting for good; figures then simply stay marked as older. */
const MAX_BACKOFF_MS = 10 * 60_000

/** Pauses per upstream key after a 429, as long as its Retry-After asked. */
export interface UpstreamBackoff {
  pause(owner: string, retryAfterMs: number | null): void
  isPaused(owner: string): boolean
}

export function createUpstreamBackoff(now: () => number = Date.now): UpstreamBackoff {
  const until = new Map<string, number>()
  return {
    pause(owner, retryAfterMs) {
      const wait = Math.min(MAX_BACKOFF_MS, retryAfterMs ?? DEFAULT_BACKOFF_MS)
      until.set(owner, Math.max(until.get(owner) ?? 0, now() + wait))
    },
    isPaused(owner) {
      const end = until.get(owner)
      if (end === undefined) return false
      if (end > now()) return true
      until.delete(owner)
      return false
    },
  }
}
