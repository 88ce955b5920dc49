import { afterEach, expect, test } from 'vitest'
import { readColumnPrefs, writeColumnPrefs } from '../tasks/table/column-prefs.ts'
import { applySavedView } from './open-saved-view.ts'
import { readOpenedView } from './opened-view.ts'

afterEach(() => {
  localStorage.clear()
  sessionStorage.clear()
})

test('a view saved with columns and density but no widths puts them in force and keeps the widths', () => {
  writeColumnPrefs({ shown: ['tags'], density: 'comfortable', widths: { assignee: 14 } })
  applySavedView({ id: 'v1', columns: ['email', 'no-such-column', 'customer'], widths: null, density: 'compact' })
  expect(readOpenedView()).toBe('v1')
  expect(readColumnPrefs()).toEqual({ shown: ['email', 'customer'], density: 'compact', widths: { assignee: 14 } })
})

test('a view saved with widths puts them in place of the ones in force, without columns the board lacks', () => {
  writeColumnPrefs({ shown: [], density: 'comfortable', widths: { assignee: 14, tags: 9 } })
  applySavedView({
    id: 'v3',
    columns: ['email'],
    widths: { email: 20.5, 'no-such-column': 12, title: 30, dueDate: 16 },
    density: 'comfortable',
  })
  expect(readColumnPrefs().widths).toEqual({ email: 20.5, dueDate: 16 })
})

test('a view saved with no width chosen puts every column back at its default width', () => {
  writeColumnPrefs({ shown: [], density: 'compact', widths: { assignee: 14 } })
  applySavedView({ id: 'v4', columns: null, widths: {}, density: null })
  expect(readColumnPrefs()).toEqual({ shown: [], density: 'compact', widths: {} })
})

test('a view saved without them leaves the columns as they are', () => {
  writeColumnPrefs({ shown: ['tags'], density: 'compact', widths: { assignee: 14 } })
  applySavedView({ id: 'v2', columns: null, widths: null, density: null })
  expect(readOpenedView()).toBe('v2')
  expect(readColumnPrefs()).toEqual({ shown: ['tags'], density: 'compact', widths: { assignee: 14 } })
})
