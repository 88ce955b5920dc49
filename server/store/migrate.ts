import { readdir, readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Database } from './database.ts'

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations')
/** Any fixed number: app servers starting at once queue on it instead of racing each other's DDL. */
const MIGRATION_LOCK = 7_341_202

export interface Migration {
  version: number
  name: string
  sql: string
}

/** The numbered files `NNN-name.sql`, in order. */
export async function readMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((file) => /^\d{3}-[a-z0-9-]+\.sql$/.test(file)).sort()
  return Promise.all(
    files.map(async (file) => ({
      version: Number(file.slice(0, 3)),
      name: file.slice(4, -4),
      sql: await readFile(join(dir, file), 'utf8'),
    })),
  )
}

/**
 * Applies the migrations the database has not seen, in one transaction that
 * holds an advisory lock: a second app server starting at the same moment
 * waits, then finds them applied. Answers the versions it applied.
 */
export async function applyMigrations(db: Database, migrations?: Migration[]): Promise<number[]> {
  const pending = migrations ?? (await readMigrations())
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK])
    await tx.query(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
         version integer PRIMARY KEY,
         name text NOT NULL,
         applied_at timestamptz NOT NULL DEFAULT now()
       )`,
    )
    const done = new Set(
      (await tx.query<{ version: number }>('SELECT version FROM schema_migrations')).map((row) => row.version),
    )
    const applied: number[] = []
    for (const migration of pending) {
      if (done.has(migration.version)) continue
      // Split on semicolons at line ends: both engines run one statement per parameterless query alike.
      for (const statement of migration.sql.split(/;\s*$/m)) {
        if (statement.trim() !== '' && !/^\s*(--[^\n]*\n?\s*)*$/.test(statement)) await tx.query(statement)
      }
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ])
      applied.push(migration.version)
    }
    return applied
  })
}
