import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Database } from '../store/database.ts'
import { ENGINES, openTestDatabase } from '../testing/test-databases.ts'
import { createViewHistory, type ViewHistory } from './view-history.ts'
import { createViewPreferences, type ViewPreferences } from './view-preferences.ts'
import type { Actor } from '../identity/request-context.ts'
import { VIEW_CAPS, ViewError, type ViewContent } from './view-record.ts'
import { createViewsRepository, type ViewsRepository } from './views-repository.ts'

const anna: Actor = { userId: 'u-anna', userName: 'Anna Berg', companyId: 'c-one' }
const ben: Actor = { userId: 'u-ben', userName: 'Ben Kraus', companyId: 'c-one' }
const other: Actor = { userId: 'u-olga', userName: 'Olga Other', companyId: 'c-two' }

const content = (name: string, query = 'tab=open'): ViewContent => ({
  name,
  query,
  columns: null,
  widths: null,
  density: null,
})

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
  } catch (error) {
    if (error instanceof ViewError) return error.problem
    throw error
  }
  throw new Error('expected a refusal')
}

describe.each(ENGINES)('views on %s', (engine) => {
  let db: Database
  let dispose: () => Promise<void>
  let time = Date.parse('2026-03-02T08:00:00Z')
  let views: ViewsRepository
  let history: ViewHistory
  let prefs: ViewPreferences

  beforeAll(async () => {
    ;({ db, dispose } = await openTestDatabase(engine))
    const clock = () => time
    views = createViewsRepository(db, clock)
    history = createViewHistory(db, views, clock)
    prefs = createViewPreferences(db, views, clock)
  })
  afterAll(() => dispose())

  test('a personal view is its owner’s; a team view the company’s; another company sees neither', async () => {
    const mine = await views.create(
      anna,
      { ...content('Mine'), columns: ['type', 'customer'], density: 'compact' },
      'personal',
    )
    const shared = await views.create(anna, content('Shared', 'tab=all'), 'team')
    expect(mine).toMatchObject({
      name: 'Mine',
      version: 1,
      columns: ['type', 'customer'],
      density: 'compact',
      scope: 'personal',
    })
    expect(mine.createdBy).toEqual({ id: 'u-anna', name: 'Anna Berg' })
    expect(mine.createdAt).toBe('2026-03-02T08:00:00.000Z')
    expect((await views.list(anna)).map((view) => view.name)).toEqual(['Mine', 'Shared'])
    expect((await views.list(ben)).map((view) => view.name)).toEqual(['Shared'])
    expect(await views.list(other)).toEqual([])
    expect(await refusal(views.get(other, shared.id))).toBe('not-found')
    expect(await refusal(views.update(other, shared.id, { version: 1, content: { name: 'x' }, unlock: true }))).toBe(
      'not-found',
    )
    expect(await refusal(views.remove(ben, mine.id, 1))).toBe('not-found')
  })

  test('names are unique per scope, whatever their case; the same name may exist in another scope or company', async () => {
    await views.create(anna, content('Urgent'), 'team')
    expect(await refusal(views.create(ben, content('URGENT'), 'team'))).toBe('name-taken')
    await views.create(ben, content('urgent'), 'personal')
    await views.create(other, content('Urgent'), 'team')
  })

  test('an edit on a stale version is refused with the current view; team views change only unlocked', async () => {
    const view = await views.create(anna, content('Boilers'), 'team')
    expect(await refusal(views.update(ben, view.id, { version: 1, content: { name: 'Boilers!' } }))).toBe('locked')
    const edited = await views.update(ben, view.id, { version: 1, content: { name: 'Boilers!' }, unlock: true })
    expect(edited).toMatchObject({ name: 'Boilers!', version: 2, updatedBy: { id: 'u-ben', name: 'Ben Kraus' } })
    const stale = await views
      .update(anna, view.id, { version: 1, content: { query: 'tab=new' }, unlock: true })
      .catch((e: unknown) => e)
    expect(stale).toBeInstanceOf(ViewError)
    expect((stale as ViewError).problem).toBe('stale')
    expect((stale as ViewError).current?.name).toBe('Boilers!')
    expect(
      await refusal(views.update(anna, view.id, { version: 2, content: {}, scope: 'personal', unlock: true })),
    ).toBe('forbidden')
  })

  test('every change keeps the previous version, and restoring one keeps the state it replaces', async () => {
    const view = await views.create(anna, content('Heating', 'tab=open'), 'personal')
    await views.update(anna, view.id, { version: 1, content: { query: 'tab=new' } })
    await views.update(anna, view.id, { version: 2, content: { name: 'Heating week' } })
    const versions = await history.listVersions(anna, view.id)
    expect(versions.map((v) => [v.version, v.name, v.query])).toEqual([
      [2, 'Heating', 'tab=new'],
      [1, 'Heating', 'tab=open'],
    ])
    const restored = await history.restoreVersion(anna, view.id, 1, { version: 3 })
    expect(restored).toMatchObject({ name: 'Heating', query: 'tab=open', version: 4 })
    expect((await history.listVersions(anna, view.id))[0]).toMatchObject({ version: 3, name: 'Heating week' })
    expect(await refusal(history.listVersions(ben, view.id))).toBe('not-found')
  })

  test('deleted views wait in the trash for 30 days, restorable, then are gone', async () => {
    const view = await views.create(anna, content('Old queue'), 'team')
    expect(await refusal(views.remove(ben, view.id, 1))).toBe('locked')
    await views.remove(ben, view.id, 1, true)
    expect((await views.list(anna)).some((v) => v.id === view.id)).toBe(false)
    expect((await history.listTrash(anna)).map((v) => v.id)).toContain(view.id)
    expect((await history.restoreFromTrash(anna, view.id)).deletedAt).toBeNull()
    await views.remove(anna, view.id, 1, true)
    // A view with the deleted one's name may be saved; restoring the old one then conflicts.
    const again = await views.create(anna, content('Old queue'), 'team')
    expect(await refusal(history.restoreFromTrash(anna, view.id))).toBe('name-taken')
    await views.remove(anna, again.id, 1, true)
    time += 31 * 86_400_000
    expect(await refusal(history.restoreFromTrash(anna, view.id))).toBe('not-found')
    expect((await history.listTrash(anna)).map((v) => v.id)).not.toContain(view.id)
  })

  test('duplicates are personal copies; defaults are per user', async () => {
    const team = await views.create(anna, content('Review'), 'team')
    const copy = await views.duplicate(ben, team.id, undefined)
    expect(copy).toMatchObject({ name: 'Review (copy)', scope: 'personal', ownerId: 'u-ben', query: 'tab=open' })
    await prefs.setDefault(ben, copy.id)
    expect(await prefs.getDefault(ben)).toBe(copy.id)
    expect(await prefs.getDefault(anna)).toBeNull()
    expect(await refusal(prefs.setDefault(anna, copy.id))).toBe('not-found')
    await views.remove(ben, copy.id, 1)
    expect(await prefs.getDefault(ben)).toBeNull()
  })

  test('the last look at a view is each person’s own, only of a view they may see', async () => {
    const team = await views.create(anna, content('Night shift'), 'team')
    const own = await views.create(anna, content('Mine to look at'), 'personal')
    expect((await prefs.looks(anna)).get(team.id)).toBeUndefined()
    expect(await prefs.look(anna, team.id)).toEqual({ lookedAt: new Date(time).toISOString(), previous: null })
    time += 60_000
    await prefs.look(ben, team.id)
    expect((await prefs.looks(anna)).get(team.id)).toBe(new Date(time - 60_000).toISOString())
    expect((await prefs.looks(ben)).get(team.id)).toBe(new Date(time).toISOString())
    time += 60_000
    expect(await prefs.look(anna, team.id)).toEqual({
      lookedAt: new Date(time).toISOString(),
      previous: new Date(time - 120_000).toISOString(),
    })
    expect((await prefs.looks(anna)).get(team.id)).toBe(new Date(time).toISOString())
    expect(await refusal(prefs.look(ben, own.id))).toBe('not-found')
    expect(await refusal(prefs.look(other, team.id))).toBe('not-found')
    expect((await prefs.looks(ben)).has(own.id)).toBe(false)
    // A view purged from the trash takes its looks along.
    await db.query('DELETE FROM views WHERE id = $1', [team.id])
    expect((await prefs.looks(anna)).has(team.id)).toBe(false)
  })

  test('widths are kept by every write: create, update, duplicate, the history and a restored version', async () => {
    const widths = { assignee: 14.5, dueDate: 20 }
    const view = await views.create(anna, { ...content('Wide'), widths }, 'personal')
    expect(view.widths).toEqual(widths)
    expect((await views.update(anna, view.id, { version: 1, content: { name: 'Wide!' } })).widths).toEqual(widths)
    const narrower = await views.update(anna, view.id, { version: 2, content: { widths: { assignee: 8 } } })
    expect(narrower.widths).toEqual({ assignee: 8 })
    expect((await views.duplicate(anna, view.id, 'Wide copy')).widths).toEqual({ assignee: 8 })
    const versions = await history.listVersions(anna, view.id)
    expect(versions.map((v) => [v.version, v.widths])).toEqual([
      [2, widths],
      [1, widths],
    ])
    const restored = await history.restoreVersion(anna, view.id, 1, { version: 3 })
    expect(restored.widths).toEqual(widths)
    expect((await history.listVersions(anna, view.id))[0]).toMatchObject({ version: 3, widths: { assignee: 8 } })
    const cleared = await views.update(anna, view.id, { version: 4, content: { widths: null } })
    expect(cleared.widths).toBeNull()
  })

  test('a shared view’s history starts, for the team, where it was shared; its personal past stays its owner’s', async () => {
    const view = await views.create(anna, content('Draft: overdue for Meyer'), 'personal')
    await views.update(anna, view.id, { version: 1, content: { name: 'Overdue' } })
    await views.update(anna, view.id, { version: 2, scope: 'team', content: {} })
    expect(await history.listVersions(ben, view.id)).toEqual([])
    await views.update(ben, view.id, { version: 3, unlock: true, content: { query: 'tab=all' } })
    expect((await history.listVersions(ben, view.id)).map((v) => [v.version, v.scope])).toEqual([[3, 'team']])
    expect((await history.listVersions(anna, view.id)).map((v) => v.version)).toEqual([3, 2, 1])
    expect(await refusal(history.restoreVersion(ben, view.id, 1, { version: 4, unlock: true }))).toBe('not-found')
    const restored = await history.restoreVersion(ben, view.id, 3, { version: 4, unlock: true })
    expect(restored).toMatchObject({ name: 'Overdue', query: 'tab=open', scope: 'team' })
  })

  test('a company keeps at most so many views, its trash so many, a view so many versions', async () => {
    const caps = { viewsPerCompany: 3, personalPerOwner: 2, trashedPerCompany: 2, versionsPerView: 2 }
    const capped = createViewsRepository(db, () => time, caps)
    const cappedHistory = createViewHistory(db, capped, () => time)
    const carl: Actor = { userId: 'u-carl', userName: 'Carl Caps', companyId: 'c-caps' }
    const dora: Actor = { ...carl, userId: 'u-dora', userName: 'Dora Caps' }
    const [first, second] = [
      await capped.create(carl, content('One'), 'team'),
      await capped.create(dora, content('Two'), 'personal'),
    ]
    await capped.create(carl, content('Three'), 'personal')
    // Team and everyone's personal views count together; another company is not counted.
    expect(await refusal(capped.create(dora, content('Four'), 'personal'))).toBe('full')
    expect(await refusal(capped.duplicate(carl, first.id, undefined))).toBe('full')
    expect((await capped.create(other, content('Elsewhere'), 'personal')).name).toBe('Elsewhere')
    // The trash does not count, but a view restored from it does.
    await capped.remove(dora, second.id, 1)
    const fourth = await capped.create(dora, content('Four'), 'personal')
    expect(await refusal(cappedHistory.restoreFromTrash(dora, second.id))).toBe('full')
    // The trash keeps the latest two: the longest there goes for good.
    time += 1000
    await capped.remove(dora, fourth.id, 1)
    time += 1000
    await capped.remove(carl, first.id, 1, true)
    const trash = await cappedHistory.listTrash(dora)
    expect(trash.map((v) => v.name)).toEqual(['One', 'Four'])
    expect(await refusal(cappedHistory.restoreFromTrash(dora, second.id))).toBe('not-found')
    // A view keeps its latest two versions.
    const kept = await capped.create(carl, content('Edited'), 'personal')
    for (let version = 1; version <= 4; version += 1) {
      await capped.update(carl, kept.id, { version, content: { query: `tab=open&page=${version}` } })
    }
    expect((await cappedHistory.listVersions(carl, kept.id)).map((v) => v.version)).toEqual([4, 3])
  })

  test('one person keeps at most so many personal views, so no one fills the team’s room', async () => {
    const capped = createViewsRepository(db, () => time, { ...VIEW_CAPS, personalPerOwner: 1 })
    const erik: Actor = { userId: 'u-erik', userName: 'Erik Own', companyId: 'c-own' }
    const fay: Actor = { ...erik, userId: 'u-fay', userName: 'Fay Own' }
    await capped.create(erik, content('Mine'), 'personal')
    expect(await refusal(capped.create(erik, content('Mine too'), 'personal'))).toBe('full')
    expect((await capped.create(erik, content('For the team'), 'team')).scope).toBe('team')
    expect((await capped.create(fay, content('Mine'), 'personal')).ownerId).toBe('u-fay')
  })
})
