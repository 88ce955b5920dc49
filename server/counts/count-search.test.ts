import fc from 'fast-check'
import { expect, test } from 'vitest'
import { afterProbe, isExact, runCountSearch, startCountSearch, type CountSearch } from './count-search.ts'

/** A probe over a fixed number of matches, counting its calls. */
function probeOf(count: number) {
  const offsets: number[] = []
  return {
    offsets,
    probe: (offset: number) => {
      offsets.push(offset)
      return Promise.resolve(offset < count)
    },
  }
}

async function countFresh(count: number, previous: number | null = null) {
  const { offsets, probe } = probeOf(count)
  const search = await runCountSearch(startCountSearch(previous), probe)
  return { search, probes: offsets.length, offsets }
}

test.each([
  [0, 1],
  [1, 2],
  [50, 12],
  [1000, 20],
  [5000, 26],
  [50_000, 32],
])('a fresh count of %i takes %i probes', async (count, probes) => {
  const result = await countFresh(count)
  expect(isExact(result.search)).toBe(true)
  expect(result.search.atLeast).toBe(count)
  expect(result.probes).toBe(probes)
})

test('probes double the lower bound until the first miss', async () => {
  expect((await countFresh(50)).offsets.slice(0, 7)).toEqual([0, 1, 3, 7, 15, 31, 63])
})

test.each([0, 1, 50, 1000, 5000, 50_000])('re-checking an unchanged %i takes two probes (one for 0)', async (count) => {
  const result = await countFresh(count, count)
  expect(result.search.atLeast).toBe(count)
  expect(isExact(result.search)).toBe(true)
  expect(result.probes).toBe(count === 0 ? 1 : 2)
})

test.each([
  [5000, 5003, 5],
  [5000, 4997, 4],
  [5000, 5200, 17],
  [5000, 4800, 16],
  [5000, 0, 23],
  [0, 5000, 26],
])('a figure that moved from %i to %i is found in %i probes', async (previous, count, probes) => {
  const result = await countFresh(count, previous)
  expect(result.search.atLeast).toBe(count)
  expect(isExact(result.search)).toBe(true)
  expect(result.probes).toBe(probes)
})

test('every count is found exactly, fresh or from any previous figure', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.nat({ max: 200_000 }),
      fc.option(fc.nat({ max: 200_000 }), { nil: null }),
      async (count, previous) => {
        const result = await countFresh(count, previous)
        expect(isExact(result.search)).toBe(true)
        expect(result.search.atLeast).toBe(count)
        expect(result.probes).toBeLessThanOrEqual(2 * Math.log2(Math.abs(count - (previous ?? 0)) + 2) + 4)
      },
    ),
  )
})

test('a search stopped by its budget resumes where it stopped and ends at the same count', async () => {
  const { offsets, probe } = probeOf(1234)
  let allowed = 5
  let search = await runCountSearch(startCountSearch(), probe, () => allowed-- > 0)
  expect(offsets).toHaveLength(5)
  expect(isExact(search)).toBe(false)
  expect(search.atLeast).toBe(16)
  search = await runCountSearch(search, probe)
  expect(search.atLeast).toBe(1234)
  expect(isExact(search)).toBe(true)
  expect(offsets).toHaveLength((await countFresh(1234)).probes)
})

test('tasks changing mid-search end at a count the filter had during the search', async () => {
  // The count grows by 7 after every probe: answers contradict earlier ones.
  let count = 300
  const probe = (offset: number) => {
    const hit = offset < count
    count += 7
    return Promise.resolve(hit)
  }
  const start = count
  const search = await runCountSearch(startCountSearch(), probe)
  expect(search.atLeast).toBeGreaterThanOrEqual(start)
  expect(search.atLeast).toBeLessThanOrEqual(count)
})

test('a hit beyond a known miss starts galloping up from the hit', () => {
  const search: CountSearch = { atLeast: 10, atMost: 20, step: null, down: false, checks: [] }
  expect(afterProbe(search, 25, true)).toEqual({ atLeast: 26, atMost: null, step: 1, down: false, checks: [] })
  expect(afterProbe(search, 5, false)).toEqual({ atLeast: 0, atMost: 5, step: 1, down: true, checks: [] })
})
