import { fireEvent, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { ErrorBoundary, RenderErrorNotice } from './error-boundary.tsx'

let shouldThrow = true
function Fragile() {
  if (shouldThrow) throw new Error('cell exploded')
  return <p>fine now</p>
}

beforeEach(() => {
  shouldThrow = true
  // React reports caught render errors on the console; keep the test output clean.
  vi.spyOn(console, 'error').mockImplementation(() => {})
})
afterEach(() => {
  vi.restoreAllMocks()
})

function renderBoundary(resetKeys: unknown[] = []) {
  return (
    <>
      <p>outside</p>
      <ErrorBoundary
        resetKeys={resetKeys}
        fallback={(error, reset) => <RenderErrorNotice what="The task list" error={error} onRetry={reset} />}
      >
        <Fragile />
      </ErrorBoundary>
    </>
  )
}

test('a rendering error shows a message in place and leaves the rest of the page', () => {
  render(renderBoundary())
  expect(screen.getByRole('alert').textContent).toContain('The task list could not be displayed.')
  expect(screen.getByRole('alert').textContent).toContain('cell exploded')
  expect(screen.getByText('outside')).toBeDefined()
})

test('Try again renders the children again', () => {
  render(renderBoundary())
  shouldThrow = false
  fireEvent.click(screen.getByRole('button', { name: 'Try again' }))
  expect(screen.getByText('fine now')).toBeDefined()
})

test('a change of view resets the boundary', () => {
  const { rerender } = render(renderBoundary(['view-1']))
  expect(screen.queryByRole('alert')).not.toBeNull()
  shouldThrow = false
  rerender(renderBoundary(['view-2']))
  expect(screen.getByText('fine now')).toBeDefined()
})
