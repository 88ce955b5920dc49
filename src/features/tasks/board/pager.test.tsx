import { fireEvent, render, screen } from '@testing-library/react'
import { expect, test, vi } from 'vitest'
import { Pager, type PagerProps } from './pager.tsx'

const props: PagerProps = {
  page: 2,
  size: 50,
  count: 50,
  hasNext: true,
  totalCount: null,
  onPage: () => {},
  onSize: () => {},
}

test('shows the row range without a total', () => {
  render(<Pager {...props} />)
  expect(screen.getByText('Rows 51–100')).toBeDefined()
})

test('shows the total and page count when the server sends one', () => {
  render(<Pager {...props} totalCount={1234} />)
  expect(screen.getByText('Rows 51–100 of 1234 · page 2 of 25')).toBeDefined()
})

test('Next is enabled only when a next page is known to exist', () => {
  const onPage = vi.fn()
  const { rerender } = render(<Pager {...props} onPage={onPage} />)
  fireEvent.click(screen.getByRole('button', { name: 'Next' }))
  expect(onPage).toHaveBeenCalledWith(3)
  rerender(<Pager {...props} hasNext={false} />)
  expect(screen.getByRole('button', { name: 'Next' })).toHaveProperty('disabled', true)
})

test('Previous is disabled on the first page', () => {
  render(<Pager {...props} page={1} />)
  expect(screen.getByRole('button', { name: 'Previous' })).toHaveProperty('disabled', true)
})

test('choosing a size reports it as a number', () => {
  const onSize = vi.fn()
  render(<Pager {...props} onSize={onSize} />)
  fireEvent.change(screen.getByRole('combobox', { name: 'Rows per page' }), { target: { value: '250' } })
  expect(onSize).toHaveBeenCalledWith(250)
})
