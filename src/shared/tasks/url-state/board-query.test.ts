import { expect, test } from 'vitest'
import { toWireParams } from '../api/list-query.ts'
import { toTaskListQuery } from './board-query.ts'
import { DEFAULT_BOARD, type BoardState } from './board-state.ts'

/** The query of a view that is ready to be asked for. */
function queryOf(board: BoardState, selfId: string | null = null) {
  const query = toTaskListQuery(board, selfId)
  if (query === null) throw new Error('the view is not ready')
  return query
}

const SELF = 'ffffffffffffffffffffffff'
const USER = 'aaaaaaaaaaaaaaaaaaaaaaaa'

test('the default view asks for the first 50 active tasks, newest first', () => {
  expect(queryOf(DEFAULT_BOARD)).toEqual({
    limit: 50,
    offset: 0,
    sort: { by: 'status.createdAt', direction: -1 },
    taskStatus: ['new', 'open', 'in_progress', 'in_review'],
  })
})

test.each([
  ['active', ['new', 'open', 'in_progress', 'in_review']],
  ['new', ['new']],
  ['completed', ['completed']],
  ['cancelled', ['cancelled']],
  ['all', undefined],
] as const)('tab %s filters taskStatus to %j', (tab, statuses) => {
  expect(queryOf({ ...DEFAULT_BOARD, tab }).taskStatus).toEqual(statuses)
})

test('page and size become offset and limit', () => {
  expect(queryOf({ ...DEFAULT_BOARD, page: 3, size: 100 })).toMatchObject({ limit: 100, offset: 200 })
})

test('assignee maps unassigned to its token and me to the current user', () => {
  const board = { ...DEFAULT_BOARD, assignee: ['unassigned', 'me', USER] }
  expect(queryOf(board, SELF).userIds).toEqual(['unassigned_jobs', SELF, USER])
})

test('a view naming me is not ready while the current user is unknown', () => {
  expect(toTaskListQuery({ ...DEFAULT_BOARD, assignee: ['me'] }, null)).toBeNull()
  expect(toTaskListQuery({ ...DEFAULT_BOARD, assignee: ['unassigned', USER] }, null)?.userIds).toEqual([
    'unassigned_jobs',
    USER,
  ])
})

test('every filter reaches its API parameter', () => {
  const query = queryOf({
    ...DEFAULT_BOARD,
    tab: 'all',
    q: 'REC-1042',
    priority: ['urgent'],
    type: [USER],
    customer: [SELF],
    recurring: false,
    sort: { field: 'dueDate', direction: 1 },
  })
  expect(toWireParams(query).toString()).toBe(
    new URLSearchParams({
      limit: '50',
      offset: '0',
      sort: '{"by":"dueDate","direction":1}',
      priority: 'urgent',
      taskType: USER,
      customer: SELF,
      taskFromRecurringTemplate: 'false',
      taskByTitleIdentifier: 'REC-1042',
    }).toString(),
  )
})
