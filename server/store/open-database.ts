import { join, resolve } from 'node:path'
import type { Database } from './database.ts'
import { applyMigrations } from './migrate.ts'
import { openPgliteDatabase } from './pglite-database.ts'
import { openPostgresDatabase } from './postgres-database.ts'

export interface StoreConfig {
  /** Folder for the embedded database and the generated session secret. */
  dataDir: string
  /** `postgres://…`: use that server instead of the embedded database. */
  databaseUrl: string | undefined
}

/** Opens the configured engine and brings its schema up to date; throws a readable error when it cannot. */
export async function openDatabase({ dataDir, databaseUrl }: StoreConfig): Promise<Database> {
  const db = databaseUrl
    ? await openPostgresDatabase(databaseUrl)
    : await openPgliteDatabase(join(resolve(dataDir), 'pglite'))
  try {
    await applyMigrations(db)
  } catch (error) {
    await db.close().catch(() => {})
    throw new Error(
      `The database schema could not be brought up to date: ${error instanceof Error ? error.message : String(error)}`,
      {
        cause: error,
      },
    )
  }
  return db
}
