import { expect, test } from 'vitest'
import { formatDisplayCookie, knownTimeZone, parseDisplayCookie, type DisplaySettings } from './display-cookie.ts'

const SETTINGS: DisplaySettings = {
  stored: { columns: '{"shown":["customer"],"density":"compact","widths":{"title":30}}', theme: 'dark', locale: 'de' },
  timeZone: 'Europe/Berlin',
  windowWidth: 'phone',
  windowHeight: 844,
}

test('reads back what the browser wrote, in characters a cookie may hold', () => {
  const value = formatDisplayCookie(SETTINGS)
  expect(value).toMatch(/^[\w%.!~*'()-]+$/)
  expect(parseDisplayCookie(value)).toEqual(SETTINGS)
})

test('anything else is no settings, or leaves out what it cannot use; it never throws', () => {
  const hostile = [
    undefined,
    '',
    '%E0%A4%A',
    'not json',
    encodeURIComponent('null'),
    encodeURIComponent('[]'),
    encodeURIComponent(JSON.stringify({ s: {}, z: 'Mars/Olympus_Mons' })),
    encodeURIComponent(JSON.stringify({ s: {}, z: 42 })),
    encodeURIComponent(JSON.stringify({ s: 'x', z: 'UTC' })),
    encodeURIComponent(JSON.stringify({ s: {}, z: 'UTC', pad: 'x'.repeat(4000) })),
  ]
  for (const value of hostile) expect(parseDisplayCookie(value), String(value).slice(0, 40)).toBeNull()
  const odd = parseDisplayCookie(
    encodeURIComponent(JSON.stringify({ s: { columns: 7, theme: 'dark', session: 'x' }, z: 'utc', w: 'huge', h: 1e9 })),
  )
  expect(odd).toEqual({ stored: { theme: 'dark' }, timeZone: 'UTC', windowWidth: 'wide' })
  for (const h of [0, 12.5, '900', -800]) {
    const value = encodeURIComponent(JSON.stringify({ s: {}, z: 'UTC', w: 'wide', h }))
    expect(parseDisplayCookie(value)?.windowHeight, String(h)).toBeUndefined()
  }
})

test('a time zone is one Intl knows, by its own name', () => {
  expect(knownTimeZone('europe/berlin')).toBe('Europe/Berlin')
  expect(knownTimeZone('Europe/Nowhere')).toBeNull()
  expect(knownTimeZone('')).toBeNull()
  expect(knownTimeZone(`Europe/${'x'.repeat(80)}`)).toBeNull()
})
