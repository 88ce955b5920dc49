import { act, renderHook } from '@testing-library/react'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { useOverscan } from './use-overscan.ts'

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

test('a view renders only the rows in view until the browser is idle, then the rows around them', () => {
  const { result, rerender } = renderHook(({ viewKey }) => useOverscan(viewKey, 6), {
    initialProps: { viewKey: 'page 1' },
  })
  expect(result.current).toBe(0)
  act(() => void vi.advanceTimersByTime(1000))
  expect(result.current).toBe(6)

  rerender({ viewKey: 'page 2' })
  expect(result.current).toBe(0)
  act(() => void vi.advanceTimersByTime(1000))
  expect(result.current).toBe(6)
})

test('a re-render of the same view keeps the rows around the frame', () => {
  const { result, rerender } = renderHook(({ viewKey }) => useOverscan(viewKey, 6), {
    initialProps: { viewKey: 'page 1' },
  })
  act(() => void vi.advanceTimersByTime(1000))
  rerender({ viewKey: 'page 1' })
  expect(result.current).toBe(6)
})
