import { expect, test } from 'vitest'
import { DEFAULT_BOARD, TABS } from '../../../shared/tasks/url-state/board-state.ts'
import { toFilterSet, toTabFilterSets, toWorkloadFilters } from './figure-filters.ts'

const SELF = 'ffffffffffffffffffffffff'
const USER = 'aaaaaaaaaaaaaaaaaaaaaaaa'

test('a filter set is the wire form of the view without paging or sort', () => {
  const board = { ...DEFAULT_BOARD, tab: 'open' as const, priority: ['high', 'urgent'], page: 3, size: 100 as const }
  expect(toFilterSet(board, null)).toBe('taskStatus=open&priority=high%2Curgent')
})

test('one set per tab, in the tabs order, under the other filters', () => {
  const sets = toTabFilterSets({ ...DEFAULT_BOARD, tab: 'completed', assignee: ['unassigned', USER] }, null)
  expect(sets).toHaveLength(TABS.length)
  expect(sets?.[0]).toBe(`taskStatus=new%2Copen%2Cin_progress%2Cin_review&userIds=unassigned_jobs%2C${USER}`)
  expect(sets?.[2]).toBe(`taskStatus=open&userIds=unassigned_jobs%2C${USER}`)
  expect(sets?.at(-1)).toBe(`userIds=unassigned_jobs%2C${USER}`)
})

test('a view naming me has no sets until me is known, then uses its id', () => {
  const board = { ...DEFAULT_BOARD, assignee: ['me'] }
  expect(toTabFilterSets(board, null)).toBeNull()
  expect(toFilterSet(board, SELF)).toContain(`userIds=${SELF}`)
})

test('the workload takes the filters but not the tab, nor the moment changes are shown since', () => {
  const board = { ...DEFAULT_BOARD, tab: 'cancelled' as const, q: ' pump ', recurring: true, changed: 1 }
  expect(toWorkloadFilters(board, null)).toBe('taskFromRecurringTemplate=true&taskByTitleIdentifier=pump')
})

test('no count is of the changes since a moment: it would count other tasks', () => {
  const board = { ...DEFAULT_BOARD, changed: Date.UTC(2026, 11, 7) }
  expect(toFilterSet(board, null)).toBeNull()
  expect(toTabFilterSets(board, null)).toBeNull()
})
