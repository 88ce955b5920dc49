import { expect, test } from 'vitest'
import { ApiError, parseRetryAfter } from './api-error.ts'

test('reads Retry-After in seconds', () => {
  expect(parseRetryAfter('3')).toBe(3000)
  expect(parseRetryAfter(' 0 ')).toBe(0)
})

test('reads Retry-After as an HTTP date relative to now', () => {
  const now = Date.parse('2026-11-29T10:00:00Z')
  expect(parseRetryAfter('Sun, 29 Nov 2026 10:00:05 GMT', now)).toBe(5000)
  expect(parseRetryAfter('Sun, 29 Nov 2026 09:59:00 GMT', now)).toBe(0)
})

test('gives null for a missing or unreadable Retry-After', () => {
  expect(parseRetryAfter(null)).toBeNull()
  expect(parseRetryAfter('')).toBeNull()
  expect(parseRetryAfter('soon')).toBeNull()
  expect(parseRetryAfter('-1')).toBeNull()
})

test('treats 4xx but 429 as client errors', () => {
  const error = (status: number) => new ApiError({ kind: 'http', status, message: 'x' })
  expect(error(400).isClientError).toBe(true)
  expect(error(404).isClientError).toBe(true)
  expect(error(429).isClientError).toBe(false)
  expect(error(500).isClientError).toBe(false)
  expect(new ApiError({ kind: 'network', message: 'x' }).isClientError).toBe(false)
})
