import { createHash } from 'node:crypto'
import type { Database } from '../store/database.ts'

/**
 * The pace at which jobs write with one upstream key, shared by every app
 * server on the store: each write takes the key's next slot, so N servers
 * running jobs for one key together stay within one budget. A 429 pushes
 * the key's next slot past its Retry-After, for every server at once.
 */
export function createWriteBudget(db: Database, writesPerMinute: number, now: () => number = Date.now) {
  const intervalMs = 60_000 / writesPerMinute

  /** Takes the key's next slot; answers how many milliseconds to wait for it. */
  async function take(key: string): Promise<number> {
    const time = now()
    const [row] = await db.query<{ next_at: Date | string }>(
      `INSERT INTO write_budgets (key_hash, next_at) VALUES ($1, $2::timestamptz + make_interval(secs => $3))
       ON CONFLICT (key_hash) DO UPDATE
         SET next_at = GREATEST(write_budgets.next_at, $2::timestamptz) + make_interval(secs => $3)
       RETURNING next_at`,
      [keyHash(key), new Date(time).toISOString(), intervalMs / 1000],
    )
    const slot = new Date(row!.next_at).getTime() - intervalMs
    return Math.max(0, slot - time)
  }

  /** No job writes with this key before `untilMs` (the upstream asked to wait). */
  async function holdUntil(key: string, untilMs: number): Promise<void> {
    await db.query(
      `INSERT INTO write_budgets (key_hash, next_at) VALUES ($1, $2)
       ON CONFLICT (key_hash) DO UPDATE SET next_at = GREATEST(write_budgets.next_at, $2::timestamptz)`,
      [keyHash(key), new Date(untilMs).toISOString()],
    )
  }

  return { take, holdUntil, writesPerMinute }
}

export type WriteBudget = ReturnType<typeof createWriteBudget>

/** The key itself is never stored. */
function keyHash(key: string): string {
  return createHash('sha256').update(`write-budget:${key}`).digest('hex')
}
