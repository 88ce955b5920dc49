import { expect, test } from 'vitest'
import { ApiError } from '../shared/api-error.ts'
import { MAX_RETRY_AFTER_MS, retryDelay, shouldRetry } from './query-client.ts'

const http = (status: number, retryAfterMs: number | null = null) =>
  new ApiError({ kind: 'http', status, message: 'x', retryAfterMs })

test('does not retry client errors or unreadable responses', () => {
  expect(shouldRetry(0, http(400))).toBe(false)
  expect(shouldRetry(0, http(401))).toBe(false)
  expect(shouldRetry(0, http(404))).toBe(false)
  expect(shouldRetry(0, new ApiError({ kind: 'invalid-json', message: 'x' }))).toBe(false)
  expect(shouldRetry(0, new ApiError({ kind: 'unexpected-shape', message: 'x' }))).toBe(false)
})

test('retries transient failures once', () => {
  expect(shouldRetry(0, http(503))).toBe(true)
  expect(shouldRetry(1, http(503))).toBe(false)
  expect(shouldRetry(0, new ApiError({ kind: 'network', message: 'x' }))).toBe(true)
  expect(shouldRetry(0, new ApiError({ kind: 'timeout', message: 'x' }))).toBe(true)
})

test('retries 429 as the server asks, within a cap', () => {
  expect(shouldRetry(0, http(429, 2000))).toBe(true)
  expect(shouldRetry(2, http(429, 2000))).toBe(true)
  expect(shouldRetry(3, http(429, 2000))).toBe(false)
  expect(shouldRetry(0, http(429, MAX_RETRY_AFTER_MS + 1))).toBe(false)
  expect(retryDelay(0, http(429, 2000))).toBe(2000)
})

test('backs off exponentially without Retry-After', () => {
  expect(retryDelay(0, http(503))).toBe(1000)
  expect(retryDelay(1, http(503))).toBe(2000)
  expect(retryDelay(10, http(503))).toBe(8000)
})

test('does not retry errors that are not API errors', () => {
  expect(shouldRetry(0, new Error('bug'))).toBe(false)
})
