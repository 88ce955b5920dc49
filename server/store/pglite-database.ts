import { mkdir } from 'node:fs/promises'
import { resolve } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { lockDataDir } from './data-dir-lock.ts'
import { toStoreError, type Database, type Queryable } from './database.ts'

/**
 * PostgreSQL compiled into this process, its files in `dataDir` (created
 * when missing). One connection: PGlite runs statements one at a time,
 * which an app server's handful of view writes never notices.
 */
export async function openPgliteDatabase(dataDir: string): Promise<Database> {
  await mkdir(dataDir, { recursive: true })
  const unlock = await lockDataDir(`${resolve(dataDir)}.lock`)
  let db: PGlite
  try {
    db = await PGlite.create(dataDir)
  } catch (error) {
    await unlock()
    throw new Error(`The embedded database in ${dataDir} could not be opened: ${describe(error)}`, { cause: error })
  }
  const on = (target: Pick<PGlite, 'query'>): Queryable => ({
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      try {
        return (await target.query<Row>(sql, [...params])).rows
      } catch (error) {
        throw toStoreError(error)
      }
    },
  })
  return {
    engine: 'pglite',
    ...on(db),
    transaction: (work) => db.transaction((tx) => work(on(tx))),
    // One process, one connection: nothing is lost between NOTIFY and the listener.
    async listen(channel, onNotify) {
      const stop = await db.listen(channel, onNotify)
      return () => stop()
    },
    async close() {
      await db.close()
      await unlock()
    },
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
