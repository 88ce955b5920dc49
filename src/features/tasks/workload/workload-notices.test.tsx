import { render, screen } from '@testing-library/react'
import { expect, test, vi } from 'vitest'
import { ApiError } from '../../../shared/api-error.ts'
import { formatTime } from '../../../lib/format.ts'
import type { Workload } from '../api/figure-schemas.ts'
import { WorkloadNotices } from './workload-notices.tsx'

const AS_OF = Date.now() - 90_000
const FIGURES: Workload = { asOf: AS_OF, timeZone: 'UTC', covered: 20000, truncated: false, rows: [] }
const time = formatTime(AS_OF, { locale: 'en', timeZone: undefined })
const failed = new ApiError({ kind: 'http', status: 500, message: 'Boom' })

test('fresh figures say how old they are, and nothing else', () => {
  render(<WorkloadNotices data={FIGURES} error={null} onRetry={vi.fn()} />)
  expect(screen.getByText(`Figures from ${time}`, { exact: false })).toBeDefined()
  expect(screen.queryByRole('status')).toBeNull()
  expect(screen.queryByRole('alert')).toBeNull()
})

test('figures the server kept under a 429 stay, with a notice', () => {
  const data = { ...FIGURES, stale: { reason: 'rateLimited' as const, message: 'wait' } }
  render(<WorkloadNotices data={data} error={null} onRetry={vi.fn()} />)
  expect(screen.getByRole('status').textContent).toBe(`The tasks API asked to wait. Showing the figures from ${time}.`)
})

test('a failed refresh keeps the last figures and says so, without an error in their place', () => {
  render(<WorkloadNotices data={FIGURES} error={failed} onRetry={vi.fn()} />)
  expect(screen.getByRole('status').textContent).toBe(`The figures could not be refreshed. Showing those from ${time}.`)
  expect(screen.queryByRole('alert')).toBeNull()
})

test('with no figures yet the failure shows, with Retry', () => {
  const onRetry = vi.fn()
  render(<WorkloadNotices data={undefined} error={failed} onRetry={onRetry} />)
  screen.getByRole('button', { name: 'Retry' }).click()
  expect(onRetry).toHaveBeenCalled()
})

test('truncated figures say what they cover', () => {
  render(<WorkloadNotices data={{ ...FIGURES, truncated: true }} error={null} onRetry={vi.fn()} />)
  expect(screen.getByText('These figures cover the first 20,000 active tasks only.')).toBeDefined()
})
