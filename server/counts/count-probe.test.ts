import { afterAll, beforeAll, expect, test } from 'vitest'
import { startTestApi, TEST_API_KEY, type TestApi } from '../testing/test-api.ts'
import { createCountProbe } from './count-probe.ts'
import { isExact, runCountSearch, startCountSearch } from './count-search.ts'
import { createUpstreamClient, type UpstreamClient } from '../upstream/upstream-client.ts'
import { UpstreamError } from '../upstream/upstream-error.ts'

/** The board's tabs as the filters they send: active, each status, all. */
const TAB_FILTERS: Record<string, string> = {
  active: 'taskStatus=new,open,in_progress,in_review',
  new: 'taskStatus=new',
  open: 'taskStatus=open',
  in_progress: 'taskStatus=in_progress',
  in_review: 'taskStatus=in_review',
  completed: 'taskStatus=completed',
  cancelled: 'taskStatus=cancelled',
  all: '',
}

let api: TestApi
let small: TestApi
let getUpstream: UpstreamClient
let getSmall: UpstreamClient

beforeAll(async () => {
  api = await startTestApi({ taskCount: 3000 })
  // Exactly one full page of the API's largest size.
  small = await startTestApi({ taskCount: 1000 })
  getUpstream = createUpstreamClient({ baseUrl: api.baseUrl, timeoutMs: 5000 })
  getSmall = createUpstreamClient({ baseUrl: small.baseUrl, timeoutMs: 5000 })
})
afterAll(async () => {
  await api.close()
  await small.close()
})

/** The count computed another way: every page of 1,000 until an empty one, distinct ids. */
async function countByPaging(target: TestApi, filters: string): Promise<number> {
  const ids = new Set<string>()
  for (let offset = 0; ;) {
    const rows = await target.getJson<{ _id: string }[]>(`/tasks/?${filters}&limit=1000&offset=${offset}`)
    if (rows.length === 0) return ids.size
    for (const row of rows) ids.add(row._id)
    offset += rows.length
  }
}

async function countByProbing(upstream: UpstreamClient, filters: string, key = TEST_API_KEY) {
  let probes = 0
  const probe = createCountProbe(upstream, new URLSearchParams(filters), key)
  const search = await runCountSearch(startCountSearch(), (offset) => {
    probes += 1
    return probe(offset)
  })
  expect(isExact(search)).toBe(true)
  return { count: search.atLeast, probes }
}

async function firstUnassignedAndType(): Promise<{ typeId: string }> {
  const types = await api.getJson<{ _id: string }[]>('/taskTypes/')
  return { typeId: types[0]!._id }
}

test('every tab counts exactly what paging through its rows finds, under several filter sets', async () => {
  const { typeId } = await firstUnassignedAndType()
  const filterSets = [
    '',
    'userIds=unassigned_jobs',
    'priority=urgent,high',
    `taskType=${typeId}`,
    'taskFromRecurringTemplate=true',
  ]
  const seen: number[] = []
  for (const extra of filterSets) {
    for (const tab of Object.values(TAB_FILTERS)) {
      const filters = [tab, extra].filter(Boolean).join('&')
      const expected = await countByPaging(api, filters)
      const { count } = await countByProbing(getUpstream, filters)
      expect(count, filters).toBe(expected)
      seen.push(count)
    }
  }
  expect(Math.max(...seen)).toBe(3000)
  expect(seen.some((count) => count > 1000 && count < 3000)).toBe(true)
  expect(seen.some((count) => count > 0 && count < 100)).toBe(true)
  // Forty counts and forty pagings: seconds on a busy machine.
}, 60_000)

test('no match counts 0 in one probe; one match counts 1 in two', async () => {
  expect(await countByProbing(getUpstream, 'taskByTitleIdentifier=no-such-words-anywhere')).toEqual({
    count: 0,
    probes: 1,
  })
  const [task] =
    await api.getJson<{ _id: string; identifierNumber: number; taskType: { prefix: string } }[]>('/tasks/?limit=1')
  const identifier = `${task!.taskType.prefix}-${task!.identifierNumber}`
  expect(await countByPaging(api, `taskByTitleIdentifier=${identifier}`)).toBe(1)
  expect(await countByProbing(getUpstream, `taskByTitleIdentifier=${identifier}`)).toEqual({ count: 1, probes: 2 })
})

test('exactly one page of 1,000 (the API’s largest) counts 1,000; one of 50 (the board’s) counts 50', async () => {
  expect(await countByPaging(small, '')).toBe(1000)
  expect(await countByProbing(getSmall, '')).toEqual({ count: 1000, probes: 20 })
  const fifty = await startTestApi({ taskCount: 50 })
  try {
    const getFifty = createUpstreamClient({ baseUrl: fifty.baseUrl, timeoutMs: 5000 })
    expect(await countByPaging(fifty, '')).toBe(50)
    expect(await countByProbing(getFifty, '')).toEqual({ count: 50, probes: 12 })
  } finally {
    await fifty.close()
  }
})

test('a refused key rejects with its status, not with a count', async () => {
  const probe = createCountProbe(getUpstream, new URLSearchParams(), 'wrong:key')
  await expect(probe(0)).rejects.toMatchObject({ status: 401 })
  await expect(probe(0)).rejects.toBeInstanceOf(UpstreamError)
})
