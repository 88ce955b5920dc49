import { expect, test } from 'vitest'
import { parseColumnPrefs, toColumnVisibility } from './column-prefs.ts'

test('reads stored preferences and drops what it does not know', () => {
  expect(parseColumnPrefs('{"shown":["email","bogus","email",3,"tags"],"density":"compact"}')).toEqual({
    shown: ['email', 'tags'],
    density: 'compact',
    widths: {},
  })
})

test('falls back to the default for missing or broken storage', () => {
  expect(parseColumnPrefs(null)).toEqual({ shown: [], density: 'comfortable', widths: {} })
  expect(parseColumnPrefs('{not json')).toEqual({ shown: [], density: 'comfortable', widths: {} })
  expect(parseColumnPrefs('"a string"')).toEqual({ shown: [], density: 'comfortable', widths: {} })
})

test('every optional column not chosen is hidden', () => {
  const visibility = toColumnVisibility({ shown: ['customer'], density: 'comfortable', widths: {} })
  expect(visibility.customer).toBe(true)
  expect(visibility.email).toBe(false)
  expect(visibility.title).toBeUndefined()
})

test('a narrow window hides the wide-only columns unless chosen', () => {
  const prefs = { shown: ['tags' as const], density: 'comfortable' as const, widths: {} }
  expect(toColumnVisibility(prefs).createdAt).toBeUndefined()
  expect(toColumnVisibility(prefs, true)).toMatchObject({ tags: true, createdAt: false })
})

test('keeps chosen widths of resizable columns, within their bounds', () => {
  const raw = JSON.stringify({
    widths: { assignee: 14.3, dueDate: 2, title: 30, bogus: 9, priority: 'wide', tags: 99 },
  })
  // Quarter rems; the due column never gets narrower than its text; the title takes what is left.
  expect(parseColumnPrefs(raw).widths).toEqual({ assignee: 14.25, dueDate: 12.5, tags: 40 })
})
