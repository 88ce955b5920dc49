import { expect, test } from 'vitest'
import { namesMe, toFirstViewRequest } from './first-view-request.ts'

const NEWEST_FIRST = `sort=${encodeURIComponent('{"by":"status.createdAt","direction":-1}')}`
const ACTIVE = `taskStatus=${encodeURIComponent('new,open,in_progress,in_review')}`

test.each([
  ['the default view', '/tasks', '', `limit=50&offset=0&${NEWEST_FIRST}&${ACTIVE}`],
  ['the root, which shows the board', '/', '', `limit=50&offset=0&${NEWEST_FIRST}&${ACTIVE}`],
  ['a task over the board', '/tasks/0123456789abcdef01234567', 'tab=all', `limit=50&offset=0&${NEWEST_FIRST}`],
  [
    'filters, page and size',
    '/tasks',
    'tab=open&priority=urgent,high&assignee=unassigned&page=3&size=25&sort=dueDate:asc',
    `limit=25&offset=50&sort=${encodeURIComponent('{"by":"dueDate","direction":1}')}&taskStatus=open` +
      `&userIds=unassigned_jobs&priority=${encodeURIComponent('urgent,high')}`,
  ],
  ['a search', '/tasks', 'q=%20boiler%20', `limit=50&offset=0&${NEWEST_FIRST}&${ACTIVE}&taskByTitleIdentifier=boiler`],
  [
    'a mangled address, as the board reads it',
    '/tasks',
    'tab=nope&size=%00&page=-4&sort=title',
    `limit=50&offset=0&${NEWEST_FIRST}&${ACTIVE}`,
  ],
])('%s', (_case, pathname, search, request) => {
  expect(toFirstViewRequest(pathname, search)).toBe(request)
})

test('nothing for pages that are not the board', () => {
  for (const pathname of ['/workload', '/elsewhere', '/app/views', '/task']) {
    expect(toFirstViewRequest(pathname, ''), pathname).toBeNull()
  }
})

test('a view that names "me" is asked for once who that is is known', () => {
  expect(namesMe('/tasks', 'assignee=unassigned,me')).toBe(true)
  expect(namesMe('/tasks', 'assignee=unassigned')).toBe(false)
  expect(namesMe('/workload', 'assignee=me')).toBe(false)
  expect(toFirstViewRequest('/tasks', 'assignee=me')).toBeNull()
  const self = '0123456789abcdef01234567'
  expect(new URLSearchParams(toFirstViewRequest('/tasks', 'assignee=unassigned,me', self)!).get('userIds')).toBe(
    `unassigned_jobs,${self}`,
  )
})

test('pages of every size, the longest included', () => {
  expect(toFirstViewRequest('/tasks', 'size=100')).toMatch(/^limit=100&/)
  expect(toFirstViewRequest('/tasks', 'size=1000')).toMatch(/^limit=1000&/)
})
