import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Database } from '../store/database.ts'
import { ENGINES, openTestDatabase } from '../testing/test-databases.ts'
import { createKeyCipher } from './key-cipher.ts'
import { createSessionsRepository } from './sessions-repository.ts'

const user = { userId: 'u-1', userName: 'Anna Berg', companyId: 'c-1' }
const limits = { idleMs: 10 * 60_000, absoluteMs: 60 * 60_000 }

describe.each(ENGINES)('sessions on %s', (engine) => {
  let db: Database
  let dispose: () => Promise<void>
  let time = Date.parse('2026-03-02T07:00:00Z')
  const cipher = createKeyCipher('the first server secret, long enough')

  beforeAll(async () => {
    ;({ db, dispose } = await openTestDatabase(engine))
  })
  afterAll(() => dispose())

  test('a session finds its user and key; the row holds neither the token nor the key', async () => {
    const sessions = createSessionsRepository(db, cipher, limits, () => time)
    const token = await sessions.create(user, 'id9:secret9')
    const found = await sessions.find(token)
    expect(found).toMatchObject({ actor: user, apiKey: 'id9:secret9' })
    expect(found!.idHash).toMatch(/^[0-9a-f]{64}$/)
    // Work that outlives the request finds the key by the hash alone, while the session lives.
    expect(await sessions.keyOf(found!.idHash)).toBe('id9:secret9')
    const rows = await db.query<Record<string, unknown>>('SELECT * FROM sessions')
    expect(JSON.stringify(rows)).not.toContain(token)
    expect(JSON.stringify(rows)).not.toContain('secret9')
    expect(await sessions.find(`${token.slice(0, -1)}x`)).toBeNull()
    await sessions.remove(token)
    expect(await sessions.find(token)).toBeNull()
    expect(await sessions.keyOf(found!.idHash)).toBeNull()
  })

  test('another secret cannot read a session, and drops it', async () => {
    const token = await createSessionsRepository(db, cipher, limits, () => time).create(user, 'id9:secret9')
    const rotated = createSessionsRepository(
      db,
      createKeyCipher('a rotated server secret, long enough'),
      limits,
      () => time,
    )
    expect(await rotated.find(token)).toBeNull()
    expect(await createSessionsRepository(db, cipher, limits, () => time).find(token)).toBeNull()
  })

  test('expired sessions are purged', async () => {
    const sessions = createSessionsRepository(db, cipher, limits, () => time)
    await db.query('DELETE FROM sessions')
    const old = await sessions.create(user, 'k:1')
    time += 5 * 60_000
    const fresh = await sessions.create(user, 'k:2')
    time += 6 * 60_000
    await sessions.purgeExpired()
    expect((await db.query('SELECT 1 FROM sessions')).length).toBe(1)
    expect(await sessions.find(old)).toBeNull()
    expect(await sessions.find(fresh)).not.toBeNull()
  })
})
