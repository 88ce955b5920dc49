import { expect, test } from 'vitest'
import { DEFAULT_BOARD } from './board-state.ts'
import { boardHref, boardHrefKeeping, isBoardPath, taskHref, taskPath, viewHref } from './paths.ts'

test('the board URL is canonical and keeps parameters it does not own', () => {
  expect(boardHref(DEFAULT_BOARD)).toBe('/tasks')
  expect(boardHref({ ...DEFAULT_BOARD, tab: 'open', page: 2 }, new URLSearchParams('utm=x'))).toBe(
    '/tasks?tab=open&page=2&utm=x',
  )
})

test('board and task URLs leave colons and commas readable and escape the rest', () => {
  const board = { ...DEFAULT_BOARD, tab: 'all' as const, priority: ['urgent', 'high'], q: 'a&b #1 50%+' }
  const href = boardHref({ ...board, sort: { field: 'dueDate', direction: 1 } })
  expect(href).toBe('/tasks?tab=all&q=a%26b+%231+50%25%2B&priority=urgent,high&sort=dueDate:asc')
  expect(taskHref('abc', new URLSearchParams('tab=all&sort=title%3Aasc&size=25'))).toBe(
    '/tasks/abc?tab=all&sort=title:asc&size=25',
  )
})

test('a task URL encodes its id and keeps the view around it', () => {
  expect(taskPath('a/b?c')).toBe('/tasks/a%2Fb%3Fc')
  expect(taskHref('abc', new URLSearchParams('tab=open'))).toBe('/tasks/abc?tab=open')
  expect(taskHref('abc', new URLSearchParams())).toBe('/tasks/abc')
})

test('a control links to the view its click shows, relative to the page, never to the bare board', () => {
  const board = { ...DEFAULT_BOARD, tab: 'open' as const, page: 3 }
  const kept = new URLSearchParams('utm=x')
  // Back to page 1, as the click does, with the parameters the board does not own kept.
  expect(viewHref(board, { sort: { field: 'title', direction: 1 } }, kept)).toBe('?tab=open&sort=title:asc&utm=x')
  expect(viewHref(board, { page: 4 }, kept)).toBe('?tab=open&page=4&utm=x')
  // The default view written out: a bare board may open the person's default view instead.
  expect(viewHref(board, { tab: DEFAULT_BOARD.tab }, new URLSearchParams())).toBe(`?tab=${DEFAULT_BOARD.tab}`)
})

test('a query string is kept as it is, with or without its question mark', () => {
  expect(boardHrefKeeping('?tab=open&x=1')).toBe('/tasks?tab=open&x=1')
  expect(boardHrefKeeping('tab=open')).toBe('/tasks?tab=open')
  expect(boardHrefKeeping('')).toBe('/tasks')
})

test.each([
  ['/', true],
  ['/tasks', true],
  ['/tasks/abc', true],
  ['/tasksx', false],
  ['/elsewhere', false],
])('%s shows the board: %s', (path, expected) => {
  expect(isBoardPath(path)).toBe(expected)
})
