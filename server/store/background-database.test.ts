import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { openDatabaseInBackground } from './background-database.ts'
import { StoreUnavailableError, type Database } from './database.ts'
import { openPgliteDatabase } from './pglite-database.ts'

test('statements fail as unavailable, with the reason, until the database opens; then they run', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'task-board-background-'))
  let attempts = 0
  const errors: string[] = []
  const db = openDatabaseInBackground(
    async (): Promise<Database> => {
      attempts += 1
      if (attempts === 1) throw new Error('The database at postgres://db cannot be reached: ECONNREFUSED')
      return openPgliteDatabase(dir)
    },
    { retryMs: 50, onError: (message) => errors.push(message) },
  )
  const early = await db.query('SELECT 1').catch((error: unknown) => error)
  expect(early).toBeInstanceOf(StoreUnavailableError)
  await new Promise((resolve) => setTimeout(resolve, 10))
  await expect(db.query('SELECT 1')).rejects.toThrow('cannot be reached: ECONNREFUSED')
  await db.ready
  expect(await db.query<{ one: number }>('SELECT 1 AS one')).toEqual([{ one: 1 }])
  expect(errors).toHaveLength(1)
  await db.close()
  await rm(dir, { recursive: true, force: true })
}, 30_000)

test('a statement that arrives while the store is first opening waits for it instead of failing', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'task-board-background-'))
  const db = openDatabaseInBackground(async (): Promise<Database> => {
    await new Promise((resolve) => setTimeout(resolve, 300))
    return openPgliteDatabase(dir)
  })
  expect(await db.query<{ one: number }>('SELECT 1 AS one')).toEqual([{ one: 1 }])
  await db.close()
  await rm(dir, { recursive: true, force: true })
}, 30_000)
