import { createHash, randomBytes } from 'node:crypto'
import type { Database } from '../store/database.ts'
import type { Actor } from './request-context.ts'
import type { KeyCipher } from './key-cipher.ts'
import type { KeyUser } from './upstream-self.ts'

export interface SessionLimits {
  /** A session unused this long ends (sliding). */
  idleMs: number
  /** A session ends this long after sign-in, however much it is used. */
  absoluteMs: number
}

export interface OpenSession {
  actor: Actor
  apiKey: string
  /** The SHA-256 of the cookie token: names the session in the store without being able to act as it. */
  idHash: string
}

/** Use refreshes `last_seen_at` at most this often: reads stay reads. */
const TOUCH_EVERY_MS = 60_000

/**
 * Signed-in dispatchers, in the store so every app server sees them. The
 * cookie token is never stored, only its SHA-256; the API key only encrypted.
 */
export function createSessionsRepository(
  db: Database,
  cipher: KeyCipher,
  limits: SessionLimits,
  now: () => number = Date.now,
) {
  const iso = (ms: number) => new Date(ms).toISOString()

  /** Answers the new session's cookie token. */
  async function create(user: KeyUser, apiKey: string): Promise<string> {
    const token = randomBytes(32).toString('base64url')
    const idHash = hashToken(token)
    const time = now()
    await db.query(
      `INSERT INTO sessions (id_hash, user_id, user_name, company_id, encrypted_key, created_at, last_seen_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $6, $7)`,
      [
        idHash,
        user.userId,
        user.userName,
        user.companyId,
        cipher.encrypt(apiKey, idHash),
        iso(time),
        iso(time + limits.absoluteMs),
      ],
    )
    return token
  }

  /** The live session of a token, or null when it is unknown, expired or unreadable under this secret. */
  async function find(token: string): Promise<OpenSession | null> {
    const idHash = hashToken(token)
    const time = now()
    const [row] = await db.query<{
      user_id: string
      user_name: string
      company_id: string
      encrypted_key: string
      last_seen_at: Date | string
    }>(
      `SELECT user_id, user_name, company_id, encrypted_key, last_seen_at FROM sessions
       WHERE id_hash = $1 AND expires_at > $2 AND last_seen_at > $3`,
      [idHash, iso(time), iso(time - limits.idleMs)],
    )
    if (!row) return null
    const apiKey = cipher.decrypt(row.encrypted_key, idHash)
    if (apiKey === null) {
      await remove(token)
      return null
    }
    if (time - new Date(row.last_seen_at).getTime() > TOUCH_EVERY_MS) {
      await db.query('UPDATE sessions SET last_seen_at = $2 WHERE id_hash = $1', [idHash, iso(time)])
    }
    return { actor: { userId: row.user_id, userName: row.user_name, companyId: row.company_id }, apiKey, idHash }
  }

  /** The key of a live session named by its hash (for a job that outlives the request); null once it has ended. */
  async function keyOf(idHash: string): Promise<string | null> {
    const time = now()
    const [row] = await db.query<{ encrypted_key: string }>(
      'SELECT encrypted_key FROM sessions WHERE id_hash = $1 AND expires_at > $2 AND last_seen_at > $3',
      [idHash, iso(time), iso(time - limits.idleMs)],
    )
    return row ? cipher.decrypt(row.encrypted_key, idHash) : null
  }

  async function remove(token: string): Promise<void> {
    await db.query('DELETE FROM sessions WHERE id_hash = $1', [hashToken(token)])
  }

  /** Deletes sessions past either limit; their rows would only hold encrypted keys nobody can use. */
  async function purgeExpired(): Promise<void> {
    const time = now()
    await db.query('DELETE FROM sessions WHERE expires_at <= $1 OR last_seen_at <= $2', [
      iso(time),
      iso(time - limits.idleMs),
    ])
  }

  return { create, find, keyOf, remove, purgeExpired }
}

export type SessionsRepository = ReturnType<typeof createSessionsRepository>

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}
