import pg from 'pg'
import { StoreUnavailableError, toStoreError, type Database, type Queryable } from './database.ts'

export interface PostgresOptions {
  /** How long to wait for a connection before calling the database unreachable. */
  connectTimeoutMs?: number
}

/**
 * A PostgreSQL server through a connection pool. Connections the server
 * drops (restart, failover) are discarded by the pool and replaced on the
 * next query, so the app server recovers by itself when the database returns.
 */
export async function openPostgresDatabase(
  url: string,
  { connectTimeoutMs = 5000 }: PostgresOptions = {},
): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: connectTimeoutMs,
    idleTimeoutMillis: 30_000,
  })
  // An idle connection the server closes emits here; without a listener it would end the process.
  pool.on('error', () => {})

  try {
    await pool.query('SELECT 1')
  } catch (error) {
    await pool.end().catch(() => {})
    throw new StoreUnavailableError(`The database at ${redact(url)} cannot be reached: ${describe(error)}`, {
      cause: error,
    })
  }

  const on = (target: Pick<pg.Pool | pg.PoolClient, 'query'>): Queryable => ({
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      try {
        return (await target.query(sql, [...params])).rows as Row[]
      } catch (error) {
        throw toStoreError(error)
      }
    },
  })

  return {
    engine: 'postgres',
    ...on(pool),
    async transaction(work) {
      let client: pg.PoolClient
      try {
        client = await pool.connect()
      } catch (error) {
        throw toStoreError(error)
      }
      let broken = false
      const tx = on(client)
      try {
        await tx.query('BEGIN')
        const result = await work(tx)
        await tx.query('COMMIT')
        return result
      } catch (error) {
        try {
          await client.query('ROLLBACK')
        } catch {
          broken = true
        }
        // Statements' errors are already translated; the work's own (a refusal) pass unchanged.
        throw error
      } finally {
        client.release(broken)
      }
    },
    listen: (channel, onNotify) => listenOn(url, connectTimeoutMs, channel, onNotify),
    close: () => pool.end(),
  }
}

/** How long a lost listening connection waits before it is made again. */
const RELISTEN_MS = 2000

/**
 * LISTEN on a connection of its own (a pooled one would be handed to other
 * queries, and its LISTEN with it). A connection that ends (the database
 * restarted, a failover) is made again every RELISTEN_MS until stopped.
 */
async function listenOn(
  url: string,
  connectTimeoutMs: number,
  channel: string,
  onNotify: (payload: string | null) => void,
): Promise<() => Promise<void>> {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`Not a channel name: ${channel}`)
  let stopped = false
  let current: pg.Client | null = null
  let retry: NodeJS.Timeout | undefined

  const again = () => {
    if (stopped || retry) return
    retry = setTimeout(() => {
      retry = undefined
      void connect()
    }, RELISTEN_MS)
    retry.unref()
  }
  async function connect(): Promise<void> {
    // Kept alive at the socket, so a peer that vanished (a failover without a reset) is noticed and listening resumes.
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: connectTimeoutMs, keepAlive: true })
    let ended = false
    const lost = () => {
      if (ended) return
      ended = true
      if (current === client) current = null
      client.end().catch(() => {})
      again()
    }
    client.on('error', lost)
    client.on('end', lost)
    client.on('notification', (message) => {
      if (message.channel === channel) onNotify(message.payload ?? '')
    })
    try {
      await client.connect()
      await client.query(`LISTEN ${channel}`)
    } catch {
      lost()
      return
    }
    if (stopped) {
      await client.end().catch(() => {})
      return
    }
    current = client
    onNotify(null)
  }

  await connect()
  return async () => {
    stopped = true
    clearTimeout(retry)
    const client = current
    current = null
    await client?.end().catch(() => {})
  }
}

/** The URL without its password, for messages and logs. */
export function redact(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password) parsed.password = '***'
    return parsed.toString()
  } catch {
    return 'the configured DATABASE_URL'
  }
}

function describe(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return describe(error.errors[0])
  return error instanceof Error && error.message ? error.message : String(error)
}
