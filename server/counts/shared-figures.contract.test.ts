import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Database } from '../store/database.ts'
import { createRequestBudget } from '../http/request-budget.ts'
import { createChangeLog } from '../task-writes/change-log.ts'
import { ENGINES, openTestDatabase } from '../testing/test-databases.ts'
import { createSharedBudget } from './shared-budget.ts'
import { createSharedFigures } from './shared-figures.ts'

const anna = { userId: 'u-anna', userName: 'Anna Berg', companyId: 'c-1' }

describe.each(ENGINES)('shared figures on %s', (engine) => {
  let db: Database
  let dispose: () => Promise<void>
  let time = 1_800_000_000_000

  beforeAll(async () => {
    ;({ db, dispose } = await openTestDatabase(engine))
  })
  afterAll(() => dispose())

  test('one server takes a figure at a time; it is every server’s until the company’s next change', async () => {
    const one = createSharedFigures(db, () => time)
    const two = createSharedFigures(db, () => time)
    const id = 'owner?priority=high'
    expect(await one.read(id, 'c-1', 60_000)).toBeNull()
    const token = await one.claim(id, 'c-1')
    expect(token).toEqual(expect.any(String))
    expect(await two.claim(id, 'c-1')).toBeNull()
    // A release with another token (a claim that lapsed) leaves the claim that holds.
    await two.release(id, 'not-the-claim')
    expect(await two.claim(id, 'c-1')).toBeNull()

    const since = await one.changeNumber('c-1')
    await one.publish(id, 'c-1', { value: 42, asOf: time }, since, token)
    expect(await two.read(id, 'c-1', 60_000)).toEqual({ value: 42, asOf: time })
    // The claim ended with the figure.
    const again = await two.claim(id, 'c-1')
    expect(again).toEqual(expect.any(String))
    await two.release(id, again!)

    // Older than the figure's lifetime: not answered.
    time += 61_000
    expect(await two.read(id, 'c-1', 60_000)).toBeNull()
    await one.publish(id, 'c-1', { value: 43, asOf: time }, await one.changeNumber('c-1'), null)

    // Another company's change leaves it; a change of its own company's tasks makes it out of date.
    const log = createChangeLog(db, () => time)
    const change = { field: 'priority', from: 'low', to: 'high', seenModifiedAt: 1 } as const
    await log.finish(await log.begin({ ...anna, companyId: 'c-2' }, 't-1', change), 'applied', null, undefined)
    expect(await two.read(id, 'c-1', 60_000)).toEqual({ value: 43, asOf: time })
    await log.finish(await log.begin(anna, 't-2', change), 'applied', null, undefined)
    expect(await two.read(id, 'c-1', 60_000)).toBeNull()
    expect(await one.changeNumber('c-1')).toBeGreaterThan(since)
  })

  test('two servers taking a key’s budget at once spend one budget between them, and another key’s is its own', async () => {
    // Each server's own budget, which decides without a server store (the embedded one is one server's).
    const own = () => createRequestBudget(engine === 'postgres' ? 0 : 5)
    const one = createSharedBudget(db, 5, own())
    const two = createSharedBudget(db, 5, own())
    const taken = await Promise.all(
      Array.from({ length: 12 }, (_, index) => Promise.resolve((index % 2 ? one : two).take('key-a'))),
    )
    expect(taken.filter(Boolean)).toHaveLength(engine === 'postgres' ? 5 : 10)
    expect(await two.take('key-b')).toBe(true)
  })
})
