import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { isUniqueViolation, type Database } from './database.ts'
import { applyMigrations, readMigrations } from './migrate.ts'
import { openPostgresDatabase } from './postgres-database.ts'
import { ENGINES, openTestDatabase } from '../testing/test-databases.ts'

describe.each(ENGINES)('database on %s', (engine) => {
  let db: Database
  let url: string | undefined
  let dispose: () => Promise<void>

  beforeAll(async () => {
    ;({ db, url, dispose } = await openTestDatabase(engine))
  })
  afterAll(() => dispose())

  test('every numbered migration is applied once, and again is a no-op', async () => {
    const versions = (await readMigrations()).map((migration) => migration.version)
    const rows = await db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')
    expect(rows.map((row) => row.version)).toEqual(versions)
    expect(await applyMigrations(db)).toEqual([])
  })

  test('a failing transaction leaves nothing behind', async () => {
    await db.query('CREATE TABLE IF NOT EXISTS probe (id text PRIMARY KEY)')
    await expect(
      db.transaction(async (tx) => {
        await tx.query('INSERT INTO probe (id) VALUES ($1)', ['a'])
        await tx.query('INSERT INTO probe (id) VALUES ($1)', ['a'])
      }),
    ).rejects.toSatisfy(isUniqueViolation)
    expect(await db.query('SELECT id FROM probe')).toEqual([])
  })

  test('parameters and jsonb round-trip unchanged', async () => {
    const [row] = await db.query<{ text: string; json: unknown }>('SELECT $1::text AS text, $2::jsonb AS json', [
      '<b>"Müller"</b>',
      JSON.stringify(['title', 'dueDate']),
    ])
    expect(row).toEqual({ text: '<b>"Müller"</b>', json: ['title', 'dueDate'] })
  })

  test.runIf(engine === 'postgres')('app servers migrating at the same moment apply each migration once', async () => {
    const others = await Promise.all([
      openPostgresDatabase(url!),
      openPostgresDatabase(url!),
      openPostgresDatabase(url!),
    ])
    const marker = [{ version: 900, name: 'race-marker', sql: 'CREATE TABLE race_marker (id integer);' }]
    const results = await Promise.all(others.map((conn) => applyMigrations(conn, marker)))
    expect(results.flat()).toEqual([900])
    await Promise.all(others.map((conn) => conn.close()))
  })
})
