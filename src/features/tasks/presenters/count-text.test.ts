import { expect, test } from 'vitest'
import { de } from '../../../shared/i18n/de.ts'
import { en } from '../../../shared/i18n/en.ts'
import { formatTime } from '../../../lib/format.ts'
import { toCountText } from './count-text.ts'

const NOW = Date.UTC(2026, 2, 18, 10, 30)

test('a fresh exact count is the number alone', () => {
  expect(
    toCountText({ state: 'exact', count: 1302, asOf: NOW - 5_000 }, NOW, { locale: 'en', timeZone: undefined }, en),
  ).toEqual({
    shown: '1,302',
    spoken: '1,302',
    approximate: false,
  })
})

test('a lower bound says so', () => {
  const text = toCountText(
    { state: 'atLeast', count: 1000, asOf: NOW, reason: 'counting' },
    NOW,
    { locale: 'de', timeZone: undefined },
    de,
  )
  expect(text).toEqual({ shown: '1.000+', spoken: 'mindestens 1.000', approximate: true })
})

test('a count older than its refresh is approximate, with its time', () => {
  const asOf = NOW - 61_000
  const time = formatTime(asOf, { locale: 'en', timeZone: undefined })
  expect(toCountText({ state: 'exact', count: 437, asOf }, NOW, { locale: 'en', timeZone: undefined }, en)).toEqual({
    shown: `≈437 · ${time}`,
    spoken: `about 437, as of ${time}`,
    approximate: true,
  })
})

test('a count kept because a new one could not be taken is approximate, however recent', () => {
  const text = toCountText(
    { state: 'exact', count: 437, asOf: NOW, reason: 'rateLimited' },
    NOW,
    { locale: 'en', timeZone: undefined },
    en,
  )
  expect(text.shown.startsWith('≈437')).toBe(true)
})
