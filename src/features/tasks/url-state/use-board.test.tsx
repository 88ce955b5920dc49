import { act, renderHook } from '@testing-library/react'
import type { ReactNode } from 'react'
import { MemoryRouter, useLocation, useNavigate } from 'react-router'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { useBoard } from './use-board.ts'

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

function renderBoard(url: string) {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <MemoryRouter initialEntries={[url]}>{children}</MemoryRouter>
  )
  return renderHook(
    () => {
      const board = useBoard()
      const location = useLocation()
      const navigate = useNavigate()
      return { ...board, location, navigate }
    },
    { wrapper },
  )
}

/** Lets every queued write through. */
function settle() {
  act(() => {
    vi.advanceTimersByTime(1000)
  })
}

test('patches inside one write interval merge in order, and none is lost', () => {
  const { result } = renderBoard('/tasks')
  act(() => {
    result.current.update({ tab: 'open' })
    result.current.update({ priority: ['high'] })
    result.current.update({ page: 3 })
    result.current.update({ size: 100 }, { replace: true })
  })
  settle()
  // The size change returns to page 1, as it would alone; the other patches stay.
  expect(result.current.location.search).toBe('?tab=open&priority=high&size=100')
  expect(result.current.board).toMatchObject({ tab: 'open', priority: ['high'], page: 1, size: 100 })
})

test('a patch naming the page keeps it when it comes last', () => {
  const { result } = renderBoard('/tasks?tab=open')
  act(() => {
    result.current.update({ priority: ['low'] })
    result.current.update({ page: 4 })
  })
  settle()
  expect(result.current.location.search).toBe('?tab=open&priority=low&page=4')
})

test('writes apart from each other each push a history entry; Back and Forward walk them', () => {
  const { result } = renderBoard('/tasks')
  act(() => result.current.update({ tab: 'open' }))
  settle()
  act(() => result.current.update({ tab: 'completed' }))
  settle()
  expect(result.current.location.search).toBe('?tab=completed')
  act(() => void result.current.navigate(-1))
  expect(result.current.board.tab).toBe('open')
  act(() => void result.current.navigate(-1))
  expect(result.current.board.tab).toBe('active')
  act(() => void result.current.navigate(1))
  expect(result.current.board.tab).toBe('open')
  // After Back, an update starts from the view on screen, not from the one last written.
  act(() => result.current.update({ priority: ['urgent'] }))
  settle()
  expect(result.current.location.search).toBe('?tab=open&priority=urgent')
})

test('a merged write replaces the entry only when every patch in it asked to', () => {
  const { result } = renderBoard('/tasks')
  act(() => result.current.update({ q: 'a' }, { replace: true }))
  settle()
  act(() => {
    result.current.update({ q: 'ab' }, { replace: true })
    result.current.update({ q: 'abc' }, { replace: true })
  })
  settle()
  expect(result.current.location.search).toBe('?q=abc')
  act(() => void result.current.navigate(-1))
  // Both searches replaced the first entry: Back leaves the board.
  expect(result.current.location.pathname).toBe('/tasks')
  expect(result.current.location.search).toBe('?q=abc')
})

test('an update keeps the open task and the parameters the board does not own', () => {
  const { result } = renderBoard('/tasks/abc?utm=x&tab=open')
  act(() => result.current.update({ sort: { field: 'title', direction: 1 } }))
  settle()
  expect(result.current.location.pathname).toBe('/tasks/abc')
  expect(new URLSearchParams(result.current.location.search).get('utm')).toBe('x')
  expect(result.current.board.sort).toEqual({ field: 'title', direction: 1 })
})

test('a link that is not canonical is replaced by its canonical form, without a history entry', () => {
  const { result } = renderBoard('/tasks?size=50&tab=open&page=1&priority=high,high')
  expect(result.current.location.search).toBe('?tab=open&priority=high')
  act(() => void result.current.navigate(-1))
  expect(result.current.location.search).toBe('?tab=open&priority=high')
})

test('what a link had that could not be used stays reported after the rewrite and re-renders, until dismissed', () => {
  const { result, rerender } = renderBoard('/tasks?tab=nope&size=7')
  expect(result.current.location.search).toBe('')
  expect(result.current.ignored.map((param) => [param.name, param.value, param.reason])).toEqual([
    ['tab', 'nope', 'not-a-tab'],
    ['size', '7', 'not-a-size'],
  ])
  rerender()
  act(() => result.current.update({ tab: 'open' }))
  settle()
  expect(result.current.ignored).toHaveLength(2)
  act(() => result.current.dismissIgnored())
  expect(result.current.ignored).toEqual([])
  expect(result.current.location.search).toBe('?tab=open')
})

test('update and dismiss keep one identity across view changes', () => {
  const { result } = renderBoard('/tasks')
  const { update, dismissIgnored } = result.current
  act(() => update({ tab: 'open' }))
  settle()
  expect(result.current.update).toBe(update)
  expect(result.current.dismissIgnored).toBe(dismissIgnored)
})
