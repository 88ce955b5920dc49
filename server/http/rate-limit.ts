export interface RateLimit {
  /** Counts one request for `key`; answers the seconds to wait when over the limit, else 0. */
  take(key: string): number
}

/**
 * A fixed window per key (a session or a browser): enough for any person
 * saving views, far too little for a script filling the database.
 */
export function createRateLimit(limit: number, windowMs: number, now: () => number = Date.now): RateLimit {
  const windows = new Map<string, { start: number; count: number }>()
  return {
    take(key) {
      const time = now()
      if (windows.size > 10_000) {
        for (const [old, window] of windows) if (time - window.start >= windowMs) windows.delete(old)
      }
      const window = windows.get(key)
      if (!window || time - window.start >= windowMs) {
        windows.set(key, { start: time, count: 1 })
        return 0
      }
      window.count += 1
      return window.count > limit ? Math.max(1, Math.ceil((window.start + windowMs - time) / 1000)) : 0
    },
  }
}
