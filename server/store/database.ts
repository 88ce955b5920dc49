/** What every query runs on: a whole database or one transaction of it. */
export interface Queryable {
  /** Runs one statement with `$1…` parameters and answers its rows. */
  query<Row>(sql: string, params?: readonly unknown[]): Promise<Row[]>
}

/**
 * The store's one interface. Each engine (embedded PGlite, a PostgreSQL
 * server) implements it with the same SQL dialect, so repositories are
 * written once and tested against both.
 */
export interface Database extends Queryable {
  readonly engine: 'pglite' | 'postgres'
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>
  /**
   * Calls `onNotify` with each `NOTIFY channel` payload, from this or any
   * other app server on the same database, until the answered stop is
   * called. A notification can be lost while a connection is re-made, so
   * `onNotify` is also called (with null) each time listening starts again:
   * whoever listens then reads what it may have missed.
   */
  listen(channel: string, onNotify: (payload: string | null) => void): Promise<() => Promise<void>>
  close(): Promise<void>
}

/** The database could not be reached or answered with a failure of its own, not of the request. */
export class StoreUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'StoreUnavailableError'
  }
}

/** PostgreSQL's SQLSTATE of an error, on both engines' error classes. */
export function sqlState(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined
  const code = (error as { code?: unknown }).code
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined
}

/** A unique index refused the row (SQLSTATE 23505). */
export function isUniqueViolation(error: unknown): boolean {
  return sqlState(error) === '23505'
}

/**
 * Errors of the data or the statement (classes 22 and 23, and 42 for our own
 * SQL) are bugs or conflicts; anything else means the database itself is not
 * usable right now.
 */
export function toStoreError(error: unknown): unknown {
  const state = sqlState(error)
  if (state && /^(22|23|42|40)/.test(state)) return error
  if (error instanceof StoreUnavailableError) return error
  return new StoreUnavailableError('The database cannot be reached.', { cause: error })
}
