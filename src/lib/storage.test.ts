import { afterEach, expect, test, vi } from 'vitest'
import { readStored, writeStored } from './storage.ts'

afterEach(() => {
  vi.restoreAllMocks()
  window.localStorage.clear()
  window.sessionStorage.clear()
})

test('preferences go to localStorage and the opened view to sessionStorage', () => {
  expect(writeStored('theme', 'dark')).toBe(true)
  expect(writeStored('openedView', 'abc123')).toBe(true)
  expect(window.localStorage.getItem('task-board.theme')).toBe('dark')
  expect(window.sessionStorage.getItem('task-board.opened-view')).toBe('abc123')
  expect(window.localStorage.length).toBe(1)
  expect([readStored('theme'), readStored('openedView'), readStored('locale')]).toEqual(['dark', 'abc123', null])
})

test('null removes the item', () => {
  writeStored('locale', 'de')
  writeStored('locale', null)
  expect(readStored('locale')).toBeNull()
  expect(window.localStorage.length).toBe(0)
})

test('storage that throws reads as empty and refuses writes, without throwing', () => {
  vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
    throw new DOMException('denied', 'SecurityError')
  })
  vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
    throw new DOMException('full', 'QuotaExceededError')
  })
  expect(readStored('columns')).toBeNull()
  expect(writeStored('columns', '{}')).toBe(false)
})
