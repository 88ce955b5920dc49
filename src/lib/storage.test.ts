import { afterEach, expect, test, vi } from 'vitest'
import { readStored, writeStored } from './storage.ts'

afterEach(() => {
  vi.restoreAllMocks()
  window.localStorage.clear()
  window.sessionStorage.clear()
})

test('preferences go to localStorage and the API key to sessionStorage', () => {
  expect(writeStored('theme', 'dark')).toBe(true)
  expect(writeStored('apiKey', 'id:secret')).toBe(true)
  expect(window.localStorage.getItem('task-board.theme')).toBe('dark')
  expect(window.sessionStorage.getItem('task-board.api-key')).toBe('id:secret')
  expect(window.localStorage.length).toBe(1)
  expect([readStored('theme'), readStored('apiKey'), readStored('locale')]).toEqual(['dark', 'id:secret', null])
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
