import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { parseBoardSearch } from './board-search.ts'
import { applyPatch, boardAfterPatch, createBoardWriter, type BoardPatch, type Navigate } from './board-writer.ts'
import { CHANGES_SORT, DEFAULT_BOARD, shownSort } from './board-state.ts'

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

function connected(search: string, key = 'k0') {
  const writes: { search: string; replace: boolean }[] = []
  const navigate: Navigate = (next, { replace }) => writes.push({ search: next.toString(), replace })
  const writer = createBoardWriter(50)
  writer.connect({ key, search: new URLSearchParams(search), ignored: [], navigate })
  return { writer, writes, navigate }
}

test('a write the router has not rendered yet is the base of the next one', () => {
  const { writer, writes } = connected('tab=open')
  writer.update({ priority: ['high'] })
  vi.advanceTimersByTime(100)
  writer.update({ page: 2 })
  expect(writes.map((write) => write.search)).toEqual(['tab=open&priority=high', 'tab=open&priority=high&page=2'])
})

test('once the router renders another location, that location is the base', () => {
  const { writer, writes, navigate } = connected('tab=open')
  writer.update({ priority: ['high'] })
  // Back, before anything else was written.
  writer.connect({ key: 'k-back', search: new URLSearchParams('tab=completed'), ignored: [], navigate })
  vi.advanceTimersByTime(100)
  writer.update({ page: 2 })
  expect(writes.at(-1)?.search).toBe('tab=completed&page=2')
})

test('writes inside the interval wait and go out as one', () => {
  const { writer, writes } = connected('')
  writer.update({ tab: 'open' })
  writer.update({ tab: 'new' }, { replace: true })
  writer.update({ tab: 'in_review' }, { replace: true })
  expect(writes).toHaveLength(1)
  vi.advanceTimersByTime(49)
  expect(writes).toHaveLength(1)
  vi.advanceTimersByTime(1)
  expect(writes).toEqual([
    { search: 'tab=open', replace: false },
    { search: 'tab=in_review', replace: true },
  ])
})

test('cancel drops what is still queued', () => {
  const { writer, writes } = connected('')
  writer.update({ tab: 'open' })
  writer.update({ tab: 'new' })
  writer.cancel()
  vi.advanceTimersByTime(100)
  expect(writes.map((write) => write.search)).toEqual(['tab=open'])
})

test.each<[string, BoardPatch]>([
  ['tab=open&page=3', { sort: { field: 'title', direction: 1 } }],
  ['priority=urgent,high&size=25', { tab: 'all' }],
  ['sort=dueDate:asc', { priority: ['high', 'urgent', 'high'] }],
  ['q=boiler', { page: 4 }],
])('the view a patch leads to is the one the board reads back from the URL written for it (%s)', (search, patch) => {
  const { writer, writes } = connected(search)
  writer.update(patch)
  const written = parseBoardSearch(new URLSearchParams(writes[0]!.search)).board
  expect(boardAfterPatch(parseBoardSearch(new URLSearchParams(search)).board, patch)).toEqual(written)
})

test('changes since a moment come newest change first; sorting them otherwise shows the whole view again', () => {
  const view = { ...DEFAULT_BOARD, sort: { field: 'dueDate' as const, direction: 1 as const } }
  const changes = applyPatch(view, { changed: Date.UTC(2026, 11, 7) })
  expect(changes.sort).toEqual(view.sort)
  expect(shownSort(changes)).toEqual(CHANGES_SORT)
  expect(applyPatch(changes, { sort: CHANGES_SORT }).changed).toBe(changes.changed)
  const sorted = applyPatch(changes, { sort: { field: 'title', direction: 1 } })
  expect(sorted.changed).toBeNull()
  expect(shownSort(sorted)).toEqual({ field: 'title', direction: 1 })
  expect(shownSort(applyPatch(changes, { changed: null }))).toEqual(view.sort)
})
