import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createViewHistory } from '../views/view-history.ts'
import { createViewsRepository } from '../views/views-repository.ts'
import { ENGINES, openBareTestDatabase } from '../testing/test-databases.ts'
import type { Database } from './database.ts'
import { applyMigrations, readMigrations } from './migrate.ts'

const anna = { userId: 'u-anna', userName: 'Anna Berg', companyId: 'c-one' }

describe.each(ENGINES)('the widths migration on %s', (engine) => {
  let db: Database
  let dispose: () => Promise<void>

  beforeAll(async () => {
    ;({ db, dispose } = await openBareTestDatabase(engine))
  })
  afterAll(() => dispose())

  test('applies to a store with views in it; views saved before it read no widths', async () => {
    const migrations = await readMigrations()
    expect(migrations.map((m) => m.version)).toContain(3)
    // The store as it was before widths were kept, with a view and an earlier version of it.
    await applyMigrations(
      db,
      migrations.filter((m) => m.version < 3),
    )
    await db.query(
      `INSERT INTO views (id, company_id, scope, owner_id, name, query, columns, density,
         version, created_by, created_by_name, created_at, updated_by, updated_by_name, updated_at)
       VALUES ('old-view', 'c-one', 'personal', 'u-anna', 'Old', 'tab=open', '["type"]', 'compact',
         2, 'u-anna', 'Anna Berg', now(), 'u-anna', 'Anna Berg', now())`,
    )
    await db.query(
      `INSERT INTO view_versions (view_id, version, scope, name, query, columns, density,
         updated_by, updated_by_name, updated_at)
       VALUES ('old-view', 1, 'personal', 'Older', 'tab=all', NULL, NULL, 'u-anna', 'Anna Berg', now())`,
    )
    expect(await applyMigrations(db)).toEqual(migrations.filter((m) => m.version >= 3).map((m) => m.version))
    const views = createViewsRepository(db)
    const history = createViewHistory(db, views)
    expect(await views.get(anna, 'old-view')).toMatchObject({ name: 'Old', columns: ['type'], widths: null })
    expect(await history.listVersions(anna, 'old-view')).toMatchObject([{ version: 1, widths: null }])
    const edited = await views.update(anna, 'old-view', { version: 2, content: { widths: { type: 15 } } })
    expect(edited).toMatchObject({ version: 3, columns: ['type'], widths: { type: 15 } })
  })
})
