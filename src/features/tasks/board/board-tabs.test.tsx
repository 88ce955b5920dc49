import { fireEvent, render, screen } from '@testing-library/react'
import { expect, test, vi } from 'vitest'
import type { Tab } from '../../../shared/tasks/url-state/board-state.ts'
import { BoardTabs } from './board-tabs.tsx'

const hrefOf = (tab: Tab) => `?tab=${tab}`

test('is a tablist with the current tab selected and the only tab stop', () => {
  render(<BoardTabs current="open" hrefOf={hrefOf} onSelect={vi.fn()} />)
  expect(screen.getByRole('tablist', { name: 'Task status' })).toBeDefined()
  const tabs = screen.getAllByRole('tab')
  expect(tabs.map((tab) => tab.textContent)).toEqual([
    'Active',
    'New',
    'Open',
    'In progress',
    'In review',
    'Completed',
    'Cancelled',
    'All',
  ])
  const selected = tabs.filter((tab) => tab.getAttribute('aria-selected') === 'true')
  expect(selected.map((tab) => tab.textContent)).toEqual(['Open'])
  expect(tabs.filter((tab) => tab.tabIndex === 0)).toEqual(selected)
})

test('clicking a tab selects it', () => {
  const onSelect = vi.fn()
  render(<BoardTabs current="active" hrefOf={hrefOf} onSelect={onSelect} />)
  fireEvent.click(screen.getByRole('tab', { name: 'Completed' }))
  expect(onSelect).toHaveBeenCalledWith('completed')
})

test('each tab links to its view, so a click before the scripts run or into a new tab opens it', () => {
  const onSelect = vi.fn()
  render(<BoardTabs current="active" hrefOf={hrefOf} onSelect={onSelect} />)
  const completed = screen.getByRole('tab', { name: 'Completed' })
  expect(completed.getAttribute('href')).toBe('?tab=completed')
  // A click that asks for a new tab or window is the browser's: the page does not change its view.
  expect(fireEvent.click(completed, { ctrlKey: true })).toBe(true)
  expect(fireEvent.click(completed, { button: 1 })).toBe(true)
  expect(onSelect).not.toHaveBeenCalled()
  // A plain one is taken over: the view changes in place and the link is not followed.
  expect(fireEvent.click(completed)).toBe(false)
  expect(onSelect).toHaveBeenCalledWith('completed')
})

test('arrow keys, Home and End move the selection and wrap around', () => {
  const onSelect = vi.fn()
  render(<BoardTabs current="active" hrefOf={hrefOf} onSelect={onSelect} />)
  const active = screen.getByRole('tab', { name: 'Active' })
  fireEvent.keyDown(active, { key: 'ArrowRight' })
  fireEvent.keyDown(active, { key: 'ArrowLeft' })
  fireEvent.keyDown(active, { key: 'End' })
  fireEvent.keyDown(active, { key: 'Home' })
  expect(onSelect.mock.calls.map(([tab]) => tab as string)).toEqual(['new', 'all', 'all', 'active'])
})

test('a held arrow key steps on from the focused tab before the selection catches up', () => {
  const onSelect = vi.fn()
  render(<BoardTabs current="active" hrefOf={hrefOf} onSelect={onSelect} />)
  screen.getByRole('tab', { name: 'Active' }).focus()
  for (let step = 0; step < 3; step++) fireEvent.keyDown(document.activeElement ?? document.body, { key: 'ArrowRight' })
  expect(onSelect.mock.calls.map(([tab]) => tab as string)).toEqual(['new', 'open', 'in_progress'])
})

test('a tab with a count is named with it, and an approximate count says so', () => {
  const counts = {
    open: { shown: '437', spoken: '437', approximate: false },
    all: { shown: '1,000+', spoken: 'at least 1,000', approximate: true },
  }
  render(<BoardTabs current="open" hrefOf={hrefOf} onSelect={vi.fn()} counts={counts} />)
  expect(screen.getByRole('tab', { name: 'Open 437' })).toBeDefined()
  expect(screen.getByRole('tab', { name: 'All at least 1,000' })).toBeDefined()
  expect(screen.getByRole('tab', { name: 'Active' })).toBeDefined()
})
