import { act, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { SEARCH_PAUSE_MS, SearchBox } from './search-box.tsx'

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

const box = () => screen.getByRole('searchbox', { name: /Search tasks/ })

test('searches once typing pauses, with the trimmed text', () => {
  const onSearch = vi.fn()
  render(<SearchBox value="" onSearch={onSearch} />)
  fireEvent.change(box(), { target: { value: 'Hei' } })
  act(() => {
    vi.advanceTimersByTime(SEARCH_PAUSE_MS - 50)
  })
  fireEvent.change(box(), { target: { value: 'Heizung ' } })
  act(() => {
    vi.advanceTimersByTime(SEARCH_PAUSE_MS - 1)
  })
  expect(onSearch).not.toHaveBeenCalled()
  act(() => {
    vi.advanceTimersByTime(1)
  })
  expect(onSearch).toHaveBeenCalledExactlyOnceWith('Heizung')
})

test('Enter searches at once', () => {
  const onSearch = vi.fn()
  render(<SearchBox value="" onSearch={onSearch} />)
  fireEvent.change(box(), { target: { value: 'REC-1042' } })
  fireEvent.submit(box())
  expect(onSearch).toHaveBeenCalledExactlyOnceWith('REC-1042')
  act(() => {
    vi.advanceTimersByTime(SEARCH_PAUSE_MS * 2)
  })
  expect(onSearch).toHaveBeenCalledTimes(1)
})

test('a new URL value does not overwrite text whose pause is pending', () => {
  const { rerender } = render(<SearchBox value="" onSearch={vi.fn()} />)
  fireEvent.change(box(), { target: { value: 'Boil' } })
  rerender(<SearchBox value="something else" onSearch={vi.fn()} />)
  expect(box()).toHaveProperty('value', 'Boil')
})

test('a new URL value replaces the text when nothing is pending', () => {
  const { rerender } = render(<SearchBox value="first" onSearch={vi.fn()} />)
  expect(box()).toHaveProperty('value', 'first')
  rerender(<SearchBox value="from a link" onSearch={vi.fn()} />)
  expect(box()).toHaveProperty('value', 'from a link')
})

test('/ focuses the search box, but not while typing elsewhere', () => {
  render(
    <>
      <input aria-label="other" />
      <SearchBox value="" onSearch={vi.fn()} />
    </>,
  )
  fireEvent.keyDown(document.body, { key: '/' })
  expect(document.activeElement).toBe(box())
  const other = screen.getByRole('textbox', { name: 'other' })
  other.focus()
  fireEvent.keyDown(other, { key: '/' })
  expect(document.activeElement).toBe(other)
})
