import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest'
import { startTestApi, TEST_API_KEY, TEST_NOW, type TestApi } from '../testing/test-api.ts'
import {
  COUNT_TTL_MS,
  createCountService,
  type CountAnswer,
  type CountRefusal,
  type CountServiceOptions,
} from './count-service.ts'
import { createRequestBudget } from '../http/request-budget.ts'
import { createUpstreamBackoff } from './upstream-backoff.ts'
import { createUpstreamClient, type UpstreamClient } from '../upstream/upstream-client.ts'

const ACTIVE = new URLSearchParams('taskStatus=in_progress,in_review,new,open')

let api: TestApi
let other: TestApi
let clock: number
let requests: { key: string | undefined; offset: string | null }[]
let upstream: UpstreamClient

beforeAll(async () => {
  api = await startTestApi({ taskCount: 3000 })
  other = await startTestApi({ taskCount: 1000 })
  const getApi = createUpstreamClient({ baseUrl: api.baseUrl, timeoutMs: 5000 })
  const getOther = createUpstreamClient({ baseUrl: other.baseUrl, timeoutMs: 5000 })
  // Two companies: key "b:…" reaches a second API with other tasks; both accept the test key.
  upstream = (request) => {
    requests.push({ key: request.key, offset: request.query?.get('offset') ?? null })
    return request.key?.startsWith('b:') ? getOther({ ...request, key: TEST_API_KEY }) : getApi(request)
  }
})
afterAll(async () => {
  await api.close()
  await other.close()
})
beforeEach(async () => {
  clock = TEST_NOW
  requests = []
  await fetch(`${api.origin}/__demo/faults`, { method: 'DELETE' })
})

function service(options: Partial<CountServiceOptions> = {}) {
  const now = () => clock
  return createCountService({
    upstream,
    budget: createRequestBudget(1000, now),
    backoff: createUpstreamBackoff(now),
    now,
    ...options,
  })
}

function figure(answer: CountAnswer | CountRefusal): CountAnswer {
  if ('refused' in answer) throw new Error(`refused: ${answer.refused.message}`)
  return answer
}

async function queueFault(fault: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${api.origin}/__demo/faults`, { method: 'POST', body: JSON.stringify(fault) })
  expect(response.status).toBe(204)
}

async function expectedCount(target: TestApi, filters: URLSearchParams): Promise<number> {
  const { total } = await target.listTasks(`${filters.toString()}&limit=1`)
  return total
}

test('a second caller within a minute gets the same figure for no upstream request', async () => {
  const counts = service()
  const first = await counts.count(TEST_API_KEY, ACTIVE)
  expect(first).toEqual({ state: 'exact', count: await expectedCount(api, ACTIVE), asOf: TEST_NOW })
  const spent = requests.length
  expect(spent).toBeGreaterThan(10)
  clock += COUNT_TTL_MS - 1
  expect(await counts.count(TEST_API_KEY, ACTIVE)).toEqual(first)
  expect(requests).toHaveLength(spent)
})

test('two callers at once share one counting run', async () => {
  const counts = service()
  const [a, b] = await Promise.all([counts.count(TEST_API_KEY, ACTIVE), counts.count(TEST_API_KEY, ACTIVE)])
  expect(a).toEqual(b)
  const alone = requests.length
  requests = []
  await service().count(TEST_API_KEY, ACTIVE)
  expect(alone).toBe(requests.length)
})

test('after a minute the figure is re-checked with two probes', async () => {
  const counts = service()
  const first = figure(await counts.count(TEST_API_KEY, ACTIVE))
  requests = []
  clock += COUNT_TTL_MS
  const again = await counts.count(TEST_API_KEY, ACTIVE)
  expect(again).toEqual({ ...first, asOf: clock })
  expect(requests.map((request) => Number(request.offset))).toEqual([first.count - 1, first.count])
})

test('two keys never share a figure: each is counted against its own upstream', async () => {
  const counts = service()
  const a = await counts.count(TEST_API_KEY, new URLSearchParams())
  const spentByA = requests.length
  const b = await counts.count('b:other-company', new URLSearchParams())
  expect(a).toMatchObject({ state: 'exact', count: 3000 })
  expect(b).toMatchObject({ state: 'exact', count: 1000 })
  expect(requests.slice(spentByA).every((request) => request.key === 'b:other-company')).toBe(true)
  expect(requests.length).toBeGreaterThan(spentByA)
})

test('a key the upstream refuses gets the refusal, not another key’s figure', async () => {
  const counts = service()
  await counts.count(TEST_API_KEY, ACTIVE)
  expect(await counts.count('wrong:key', ACTIVE)).toEqual({
    refused: { status: 401, message: 'Unauthorized: missing or invalid API key' },
  })
})

test('counting stops at the budget with a lower bound, and resumes in the next minute', async () => {
  const counts = service({ budget: createRequestBudget(10, () => clock) })
  const partial = await counts.count(TEST_API_KEY, new URLSearchParams())
  expect(partial).toEqual({ state: 'atLeast', count: 512, asOf: TEST_NOW, reason: 'budget' })
  expect(requests).toHaveLength(10)
  clock += 30_000
  expect(await counts.count(TEST_API_KEY, new URLSearchParams())).toMatchObject({ state: 'atLeast', count: 512 })
  expect(requests).toHaveLength(10)
  clock += 30_001
  const more = figure(await counts.count(TEST_API_KEY, new URLSearchParams()))
  expect(more).toMatchObject({ state: 'atLeast', reason: 'budget' })
  expect(more.count).toBeGreaterThan(2048)
  expect(more.count).toBeLessThanOrEqual(3000)
  expect(requests).toHaveLength(20)
  clock += 60_000
  // The search went on where it stopped: in all, the 24 probes of one fresh count of 3,000.
  expect(await counts.count(TEST_API_KEY, new URLSearchParams())).toEqual({
    state: 'exact',
    count: 3000,
    asOf: TEST_NOW,
  })
  expect(requests).toHaveLength(24)
})

test('on 429 counting pauses for Retry-After and answers the last figure as older', async () => {
  const counts = service()
  const first = await counts.count(TEST_API_KEY, ACTIVE)
  clock += COUNT_TTL_MS
  await queueFault({ path: '/tasks/', status: 429, retryAfter: 120 })
  requests = []
  const older = await counts.count(TEST_API_KEY, ACTIVE)
  expect(older).toEqual({ ...first, reason: 'rateLimited' })
  expect(requests).toHaveLength(1)
  clock += 119_000
  expect(await counts.count(TEST_API_KEY, ACTIVE)).toEqual({ ...first, reason: 'rateLimited' })
  expect(await counts.count(TEST_API_KEY, new URLSearchParams('taskStatus=open'))).toMatchObject({
    state: 'atLeast',
    count: 0,
    reason: 'rateLimited',
  })
  expect(requests).toHaveLength(1)
  clock += 1000
  expect(await counts.count(TEST_API_KEY, ACTIVE)).toEqual({ ...first, asOf: clock })
})

test('a 429 in the middle of a fresh count keeps the lower bound found so far', async () => {
  // Let five probes through, then refuse.
  const limited: UpstreamClient = async (request) => {
    if (requests.length === 5) await queueFault({ path: '/tasks/', status: 429 })
    return upstream(request)
  }
  const answer = await service({ upstream: limited }).count(TEST_API_KEY, new URLSearchParams())
  expect(answer).toEqual({ state: 'atLeast', count: 16, asOf: TEST_NOW, reason: 'rateLimited' })
})

test('when the upstream fails the last figure stays, marked as older', async () => {
  const counts = service()
  const first = await counts.count(TEST_API_KEY, ACTIVE)
  clock += COUNT_TTL_MS
  await queueFault({ path: '/tasks/', status: 500 })
  expect(await counts.count(TEST_API_KEY, ACTIVE)).toEqual({ ...first, reason: 'unavailable' })
  // Not paused: the next request counts again.
  expect(await counts.count(TEST_API_KEY, ACTIVE)).toEqual({ ...first, asOf: clock })
})

test('a slow count answers its lower bound so far and goes on counting', async () => {
  const slow: UpstreamClient = async (request) => {
    await new Promise((resolve) => setTimeout(resolve, 20))
    return upstream(request)
  }
  const counts = service({ upstream: slow, waitMs: 50 })
  const early = figure(await counts.count(TEST_API_KEY, new URLSearchParams()))
  expect(early).toMatchObject({ state: 'atLeast', reason: 'counting' })
  expect(early.count).toBeLessThan(3000)
  // The run goes on without the request that started it; later requests join it until it ends.
  const spentEarly = requests.length
  let later = figure(await counts.count(TEST_API_KEY, new URLSearchParams()))
  while (later.state !== 'exact') later = figure(await counts.count(TEST_API_KEY, new URLSearchParams()))
  expect(later).toEqual({ state: 'exact', count: 3000, asOf: TEST_NOW })
  expect(spentEarly).toBeGreaterThan(0)
  expect(requests).toHaveLength(24)
}, 20_000)
