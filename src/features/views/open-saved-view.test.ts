import { afterEach, expect, test } from 'vitest'
import { readColumnPrefs, writeColumnPrefs } from '../tasks/table/column-prefs.ts'
import { applySavedView } from './open-saved-view.ts'
import { readOpenedView } from './opened-view.ts'

afterEach(() => {
  localStorage.clear()
  sessionStorage.clear()
})

test('a view saved with columns and density puts them in force and keeps the widths', () => {
  writeColumnPrefs({ shown: ['tags'], density: 'comfortable', widths: { assignee: 14 } })
  applySavedView({ id: 'v1', columns: ['email', 'no-such-column', 'customer'], density: 'compact' })
  expect(readOpenedView()).toBe('v1')
  expect(readColumnPrefs()).toEqual({ shown: ['email', 'customer'], density: 'compact', widths: { assignee: 14 } })
})

test('a view saved without them leaves the columns as they are', () => {
  writeColumnPrefs({ shown: ['tags'], density: 'compact', widths: {} })
  applySavedView({ id: 'v2', columns: null, density: null })
  expect(readOpenedView()).toBe('v2')
  expect(readColumnPrefs()).toEqual({ shown: ['tags'], density: 'compact', widths: {} })
})
