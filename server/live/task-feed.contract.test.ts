import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import type { Database } from '../store/database.ts'
import { openPostgresDatabase } from '../store/postgres-database.ts'
import { ENGINES, openTestDatabase } from '../testing/test-databases.ts'
import { createChangeLog } from '../task-writes/change-log.ts'
import { createTaskFeed, REPLAY_LOOK_BACK, REPLAY_MAX, type FeedEvent, type TaskFeed } from './task-feed.ts'

const anna = { userId: 'u-anna', userName: 'Anna Berg', companyId: 'c-1' }
const other = { userId: 'u-olga', userName: 'Olga Frei', companyId: 'c-2' }
const change = { field: 'priority', from: 'low', to: 'urgent', seenModifiedAt: 1 } as const

describe.each(ENGINES)('the change feed on %s', (engine) => {
  let db: Database
  let url: string | undefined
  let dispose: () => Promise<void>
  /** Where the feed's events go: a second app server's own connection to the store, where there can be one. */
  let listening: Database
  let feed: TaskFeed
  const seen: FeedEvent[] = []

  beforeAll(async () => {
    ;({ db, url, dispose } = await openTestDatabase(engine))
    listening = url ? await openPostgresDatabase(url) : db
    feed = createTaskFeed(listening)
    feed.subscribe((event) => seen.push(event))
    await feed.start()
    expect(feed.isStarted()).toBe(true)
  })
  afterAll(async () => {
    await feed.stop()
    if (listening !== db) await listening.close()
    await dispose()
  })

  const applied = async (actor: typeof anna, taskId: string, outcome: 'applied' | 'conflict' = 'applied') => {
    const log = createChangeLog(db)
    await log.finish(await log.begin(actor, taskId, change), outcome, null, undefined)
  }

  test('a change applied through another server reaches every listener, numbered; one not applied does not', async () => {
    await applied(anna, 't-1')
    await applied(anna, 't-2', 'conflict')
    await applied(other, 't-3')
    await vi.waitFor(() => expect(seen.map((event) => event.taskId)).toEqual(['t-1', 't-3']), { timeout: 5000 })
    expect(seen.map((event) => event.companyId)).toEqual(['c-1', 'c-2'])
    expect(seen[1]!.seq).toBeGreaterThan(seen[0]!.seq)
    expect(feed.latest()).toBe(seen[1]!.seq)
  })

  test('a reconnecting browser is sent its own company’s changes after the number it saw, or told to read again', async () => {
    const before = feed.latest()
    await applied(anna, 't-4')
    await applied(other, 't-5')
    await applied(anna, 't-6')
    await vi.waitFor(() => expect(feed.latest()).toBeGreaterThan(before + 2), { timeout: 5000 })
    const replayed = (await feed.since('c-1', before))!
    expect(replayed.filter((event) => event.seq > before).map((event) => event.taskId)).toEqual(['t-4', 't-6'])
    // A few numbers back as well (a change committed late), and only the company's own.
    expect(replayed.every((event) => event.companyId === 'c-1' && event.seq > before - REPLAY_LOOK_BACK)).toBe(true)
    expect(replayed.map((event) => event.seq)).toEqual([...replayed.map((event) => event.seq)].sort((a, b) => a - b))

    const log = createChangeLog(db)
    for (let index = 0; index <= REPLAY_MAX; index += 1) {
      await log.finish(await log.begin(anna, `bulk-${index}`, change), 'applied', null, undefined)
    }
    await vi.waitFor(() => expect(seen.at(-1)?.taskId).toBe(`bulk-${REPLAY_MAX}`), { timeout: 10_000 })
    expect(await feed.since('c-1', before)).toBeNull()
  })
})
