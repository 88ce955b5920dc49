import { StoreUnavailableError, type Database } from './database.ts'

export interface BackgroundOptions {
  /** Wait between attempts while the database cannot be opened. */
  retryMs?: number
  onOpen?: (db: Database) => void
  onError?: (message: string) => void
}

export interface BackgroundDatabase extends Database {
  /** Resolves once the database is open (never rejects; it keeps trying). */
  ready: Promise<void>
}

/**
 * A Database that opens in the background and keeps trying until it can:
 * the app server serves the board at once, whatever the store is doing, and
 * until the store is open every statement fails as StoreUnavailableError
 * (a 503 naming the reason), exactly as it does when the database goes away
 * later.
 */
export function openDatabaseInBackground(
  open: () => Promise<Database>,
  { retryMs = 5000, onOpen, onError }: BackgroundOptions = {},
): BackgroundDatabase {
  let db: Database | undefined
  let problem = 'The database is still being opened.'
  let closed = false
  let timer: NodeJS.Timeout | undefined
  let markReady: () => void = () => {}
  const ready = new Promise<void>((resolve) => (markReady = resolve))

  let attempt: Promise<void> = Promise.resolve()
  // A statement that arrives while the first attempt is still under way waits for it: an embedded store takes
  // a moment to open after start, and "still opening" is not "down". Later attempts are not waited for.
  let firstAttempt: Promise<void> | undefined
  const tryOpen = () => {
    attempt = open().then(
      async (opened) => {
        if (closed) return opened.close()
        db = opened
        onOpen?.(opened)
        markReady()
      },
      (error: unknown) => {
        problem = error instanceof Error ? error.message : String(error)
        onError?.(problem)
        if (!closed) timer = setTimeout(tryOpen, retryMs)
      },
    )
  }
  tryOpen()
  firstAttempt = attempt.finally(() => (firstAttempt = undefined))

  const current = async (): Promise<Database> => {
    if (firstAttempt) await firstAttempt
    if (!db) throw new StoreUnavailableError(problem)
    return db
  }
  return {
    get engine() {
      if (!db) throw new StoreUnavailableError(problem)
      return db.engine
    },
    ready,
    query: async (sql, params) => (await current()).query(sql, params),
    transaction: async (work) => (await current()).transaction(work),
    listen: async (channel, onNotify) => (await current()).listen(channel, onNotify),
    async close() {
      closed = true
      clearTimeout(timer)
      await attempt
      await db?.close()
    },
  }
}
