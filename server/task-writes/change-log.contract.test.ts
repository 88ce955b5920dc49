import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Database } from '../store/database.ts'
import { ENGINES, openTestDatabase } from '../testing/test-databases.ts'
import { CHANGES_PER_TASK, createChangeLog } from './change-log.ts'

const anna = { userId: 'u-anna', userName: 'Anna Berg', companyId: 'c-1' }
const named = { userId: 'person:ben@example.com', userName: 'ben@example.com', companyId: 'c-1', keyUserId: 'u-key' }
const task = 'a'.repeat(24)

describe.each(ENGINES)('the change log on %s', (engine) => {
  let db: Database
  let dispose: () => Promise<void>
  let time = Date.parse('2026-03-02T07:00:00Z')

  beforeAll(async () => {
    ;({ db, dispose } = await openTestDatabase(engine))
  })
  afterAll(() => dispose())

  test('an attempt is on record before it ends, then with its outcome; newest first, per company', async () => {
    const log = createChangeLog(db, () => time)
    const first = await log.begin(anna, task, { field: 'priority', from: 'low', to: 'urgent', seenModifiedAt: 1 })
    expect(await log.forTask('c-1', task)).toEqual([
      {
        at: '2026-03-02T07:00:00.000Z',
        personName: 'Anna Berg',
        field: 'priority',
        seen: 'low',
        wanted: 'urgent',
        found: null,
        outcome: null,
      },
    ])
    await log.finish(first, 'applied', null, undefined)
    time += 1000
    const second = await log.begin(named, task, {
      field: 'assignee',
      from: null,
      to: 'b'.repeat(24),
      seenModifiedAt: 2,
    })
    await log.finish(second, 'conflict', 'Someone changed this task', 'c'.repeat(24))
    time += 1000
    const third = await log.begin(anna, task, { field: 'complete', from: 'open', sendEmail: false, seenModifiedAt: 3 })
    await log.finish(third, 'refused', 'Task already completed or cancelled', undefined)

    expect(
      (await log.forTask('c-1', task)).map(({ field, outcome, found, wanted }) => [field, outcome, found, wanted]),
    ).toEqual([
      ['complete', 'refused', null, 'completed'],
      ['assignee', 'conflict', 'c'.repeat(24), 'b'.repeat(24)],
      ['priority', 'applied', null, 'urgent'],
    ])
    expect(await log.forTask('c-2', task)).toEqual([])
    const [row] = await db.query<{ person_id: string; key_user_id: string | null }>(
      'SELECT person_id, key_user_id FROM task_changes WHERE id = $1',
      [second],
    )
    expect(row).toEqual({ person_id: 'person:ben@example.com', key_user_id: 'u-key' })
  })

  test('the panel gets the latest attempts; old ones are purged', { timeout: 30_000 }, async () => {
    const log = createChangeLog(db, () => time)
    const other = 'd'.repeat(24)
    for (let i = 0; i < CHANGES_PER_TASK + 5; i += 1) {
      time += 1000
      await log.finish(
        await log.begin(anna, other, { field: 'dueDate', from: null, to: i, seenModifiedAt: null }),
        'applied',
        null,
        undefined,
      )
    }
    const listed = await log.forTask('c-1', other)
    expect(listed).toHaveLength(CHANGES_PER_TASK)
    expect(listed[0]!.wanted).toBe(CHANGES_PER_TASK + 4)
    time += 181 * 86_400_000
    await log.purgeOld()
    expect(await log.forTask('c-1', other)).toEqual([])
  })
})
