import { expect, test } from 'vitest'
import { parseColumnPrefs, toColumnVisibility } from './column-prefs.ts'

test('reads stored preferences and drops what it does not know', () => {
  expect(parseColumnPrefs('{"shown":["email","bogus","email",3],"density":"compact"}')).toEqual({
    shown: ['email'],
    density: 'compact',
  })
})

test('falls back to the default for missing or broken storage', () => {
  expect(parseColumnPrefs(null)).toEqual({ shown: [], density: 'comfortable' })
  expect(parseColumnPrefs('{not json')).toEqual({ shown: [], density: 'comfortable' })
  expect(parseColumnPrefs('"a string"')).toEqual({ shown: [], density: 'comfortable' })
})

test('every optional column not chosen is hidden', () => {
  const visibility = toColumnVisibility({ shown: ['customer'], density: 'comfortable' })
  expect(visibility.customer).toBe(true)
  expect(visibility.email).toBe(false)
  expect(visibility.title).toBeUndefined()
})
