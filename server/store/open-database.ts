import { join, resolve } from 'node:path'
import type { Database } from './database.ts'
import { applyMigrations } from './migrate.ts'
import { privateDataDir, privateFilesIn } from './private-data-dir.ts'
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
  const db = databaseUrl ? await openPostgresDatabase(databaseUrl) : await openEmbedded(resolve(dataDir))
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
  // What the database wrote to create and migrate itself is private at rest too.
  if (!databaseUrl) await privateFilesIn(resolve(dataDir))
  return db
}

/** The embedded database, in a data folder no other account on the machine can enter. */
async function openEmbedded(dataDir: string): Promise<Database> {
  await privateDataDir(dataDir)
  return openPgliteDatabase(join(dataDir, 'pglite'))
}
