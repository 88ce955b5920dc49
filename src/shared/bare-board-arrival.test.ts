import { expect, test } from 'vitest'
import { isBareBoardArrival } from './bare-board-arrival.ts'

test.each([
  ['/tasks', '', null, true],
  ['/', '', null, true],
  ['/tasks', '?utm_source=mail', null, true],
  ['/tasks', '?tab=all', null, false],
  ['/tasks', '?page=2', null, false],
  ['/tasks', '?q=', null, false],
  ['/tasks', '', { key: 'k1', idx: 1, usr: null }, false],
  ['/tasks/abc', '', null, false],
  ['/workload', '', null, false],
])('%s%s with history state %j: opens the default view %s', (pathname, search, state, expected) => {
  expect(isBareBoardArrival(pathname, search, state)).toBe(expected)
})
