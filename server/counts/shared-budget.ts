import type { Database } from '../store/database.ts'
import { isServerStore } from './shared-figures.ts'

/** A per-key budget of upstream requests the figures spend; the store's, shared, may take a round trip. */
export interface SpendBudget {
  /** Spends one request of `owner`'s minute; false (spending nothing) when none is left. */
  take(owner: string): boolean | Promise<boolean>
}

/**
 * The figures' budget shared by every app server on the store: the requests
 * of the last minute per key are rows (migration 007), counted and added
 * under a lock on the key, so N servers together spend `perMinute` per key,
 * not N times it. With the embedded store (one server), or when the store
 * fails, `fallback` (this server's own budget) decides.
 */
export function createSharedBudget(db: Database, perMinute: number, fallback: SpendBudget): SpendBudget {
  return {
    async take(owner) {
      // The embedded store has one server: its own budget is the whole of it, without a round trip.
      if (!isServerStore(db)) return fallback.take(owner)
      try {
        return await db.transaction(async (tx) => {
          // Taken before the count, in a statement of its own, so the count sees every spend committed before it.
          await tx.query("SELECT pg_advisory_xact_lock(hashtext('figure-budget:' || $1))", [owner])
          await tx.query("DELETE FROM figure_spends WHERE owner = $1 AND spent_at <= now() - interval '1 minute'", [
            owner,
          ])
          const [row] = await tx.query<{ spent: string | number }>(
            'SELECT count(*) AS spent FROM figure_spends WHERE owner = $1',
            [owner],
          )
          if (Number(row?.spent ?? 0) >= perMinute) return false
          await tx.query('INSERT INTO figure_spends (owner, spent_at) VALUES ($1, now())', [owner])
          return true
        })
      } catch {
        return fallback.take(owner)
      }
    },
  }
}
