import { expect, test } from 'vitest'
import { parseBoardSearch } from '../../shared/tasks/url-state/board-search.ts'
import { toViewQuery } from './view-query.ts'

const fromUrl = (search: string) => toViewQuery(parseBoardSearch(new URLSearchParams(search)).board)

test.each([
  ['', ''],
  ['page=3', ''],
  ['tab=all&page=2', 'tab=all'],
  ['tab=all&changed=2026-12-07T14:02:00.000Z', 'tab=all'],
])('%s is saved as "%s": never the page, nor the moment its changes are shown since', (search, query) => {
  expect(fromUrl(search)).toBe(query)
})

test('two spellings of one board are one view', () => {
  expect(fromUrl('priority=high,urgent&tab=all')).toBe(fromUrl('tab=all&priority=urgent,high&page=4'))
})
