import { expect, test } from 'vitest'
import { createUpstreamBackoff, DEFAULT_BACKOFF_MS } from './upstream-backoff.ts'
import { parseRetryAfter } from '../upstream/upstream-error.ts'

test('a back-off pauses one key as long as asked, 30 s when not said, 10 min at most', () => {
  let now = 0
  const backoff = createUpstreamBackoff(() => now)
  backoff.pause('a', 5000)
  backoff.pause('b', null)
  backoff.pause('c', 24 * 3_600_000)
  expect([backoff.isPaused('a'), backoff.isPaused('b'), backoff.isPaused('d')]).toEqual([true, true, false])
  now = 5000
  expect(backoff.isPaused('a')).toBe(false)
  now = DEFAULT_BACKOFF_MS
  expect(backoff.isPaused('b')).toBe(false)
  now = 600_000
  expect(backoff.isPaused('c')).toBe(false)
})

test.each([
  ['7', 7000],
  [' 0 ', 0],
  ['Wed, 18 Mar 2026 10:30:30 GMT', 30_000],
  ['Wed, 18 Mar 2026 10:00:00 GMT', 0],
  ['soon', null],
  ['', null],
  [null, null],
])('Retry-After %j is %j ms', (value, ms) => {
  expect(parseRetryAfter(value, Date.UTC(2026, 2, 18, 10, 30))).toBe(ms)
})
