import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { inject } from 'vitest'
import type { Database } from '../store/database.ts'
import { applyMigrations } from '../store/migrate.ts'
import { openPgliteDatabase } from '../store/pglite-database.ts'
import { openPostgresDatabase } from '../store/postgres-database.ts'

export const ENGINES = ['pglite', 'postgres'] as const
export type Engine = (typeof ENGINES)[number]

/**
 * A migrated, empty database on one engine, for one test file: PGlite in a
 * temp folder, or a fresh database on the run's PostgreSQL server.
 */
export async function openTestDatabase(
  engine: Engine,
): Promise<{ db: Database; url?: string; dispose: () => Promise<void> }> {
  const opened = await openBareTestDatabase(engine)
  await applyMigrations(opened.db)
  return opened
}

/** As `openTestDatabase`, without any migration applied: for tests of a store as an older release left it. */
export async function openBareTestDatabase(
  engine: Engine,
): Promise<{ db: Database; url?: string; dispose: () => Promise<void> }> {
  if (engine === 'pglite') {
    const dir = await mkdtemp(join(tmpdir(), 'task-board-pglite-'))
    const db = await openPgliteDatabase(dir)
    return {
      db,
      dispose: async () => {
        await db.close()
        await rm(dir, { recursive: true, force: true })
      },
    }
  }
  const url = await createPostgresDatabase(inject('postgresUrl'))
  const db = await openPostgresDatabase(url)
  return { db, url, dispose: () => db.close() }
}

/** A new, empty database on the server at `serverUrl`; answers its URL. */
export async function createPostgresDatabase(serverUrl: string): Promise<string> {
  const name = `test_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  try {
    await admin.query(`CREATE DATABASE ${name}`)
  } finally {
    await admin.end()
  }
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return url.toString()
}
