import { afterEach, expect, test, vi } from 'vitest'
import { apiKeyHeaders, forgetApiKey, getApiKey, setApiKey, subscribeApiKey } from './api-key-store.ts'

afterEach(() => forgetApiKey())

test('keeps the key in sessionStorage only and sends it as x-API-Key', () => {
  setApiKey('  id:secret ')
  expect(getApiKey()).toBe('id:secret')
  expect(window.sessionStorage.length).toBe(1)
  expect(window.localStorage.length).toBe(0)
  expect(apiKeyHeaders()).toEqual({ 'x-API-Key': 'id:secret' })
})

test('forgetting removes it and tells subscribers', () => {
  const listener = vi.fn()
  const unsubscribe = subscribeApiKey(listener)
  setApiKey('id:secret')
  forgetApiKey()
  unsubscribe()
  expect(listener).toHaveBeenCalledTimes(2)
  expect(getApiKey()).toBeNull()
  expect(window.sessionStorage.length).toBe(0)
  expect(apiKeyHeaders()).toEqual({})
})

test('a blank key is not stored', () => {
  setApiKey('   ')
  expect(getApiKey()).toBeNull()
})
