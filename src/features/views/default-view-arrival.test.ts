import { QueryClient } from '@tanstack/react-query'
import { afterEach, expect, test } from 'vitest'
import { readColumnPrefs } from '../tasks/table/column-prefs.ts'
import { sessionQueries } from './api/session-queries.ts'
import { type SavedView, type ViewList, viewQueries } from './api/saved-views.ts'
import { settleDefaultView } from './default-view-arrival.ts'
import { applySavedView } from './open-saved-view.ts'
import { readOpenedView } from './opened-view.ts'

const view = (id: string, extra: Partial<SavedView> = {}): SavedView => ({
  id,
  name: `View ${id}`,
  query: 'tab=all&priority=urgent',
  scope: 'personal',
  version: 1,
  columns: null,
  widths: null,
  density: null,
  updatedBy: { name: 'Sabine' },
  updatedAt: '2026-03-02T07:00:00.000Z',
  ...extra,
})

/** A client whose session and views answers are already in (fresh in its cache), as the board would have them. */
function clientWith(list: ViewList, signedIn = true): QueryClient {
  const client = new QueryClient()
  client.setQueryData(sessionQueries.current().queryKey, {
    mode: 'demo',
    signedIn,
    user: signedIn ? { id: 'u1', name: 'Sabine' } : null,
    writes: [],
  })
  client.setQueryData(viewQueries.list().queryKey, list)
  return client
}

function addressAt(url: string) {
  window.history.replaceState(null, '', url)
  return { location: window.location, history: window.history }
}

afterEach(() => {
  window.history.replaceState(null, '', '/')
  localStorage.clear()
  sessionStorage.clear()
})

test('a bare board becomes the default view: the address is replaced; applied, the view is remembered and its columns in force', async () => {
  const list = {
    views: [view('a'), view('b', { query: 'tab=open', columns: ['email'], density: 'compact' })],
    defaultViewId: 'b',
  }
  const length = window.history.length
  const opened = await settleDefaultView(clientWith(list), addressAt('/tasks?utm_source=mail#top'))
  expect(opened?.id).toBe('b')
  applySavedView(opened!)
  expect(`${window.location.pathname}${window.location.search}${window.location.hash}`).toBe(
    '/tasks?tab=open&utm_source=mail#top',
  )
  expect(window.history.length).toBe(length)
  expect(readOpenedView()).toBe('b')
  expect(readColumnPrefs()).toMatchObject({ shown: ['email'], density: 'compact' })
})

test('a link with board parameters wins, and so does an entry the board wrote', async () => {
  const list = { views: [view('a')], defaultViewId: 'a' }
  expect(await settleDefaultView(clientWith(list), addressAt('/tasks?tab=open'))).toBeNull()
  expect(window.location.search).toBe('?tab=open')
  window.history.replaceState({ key: 'x', idx: 0 }, '', '/tasks')
  expect(await settleDefaultView(clientWith(list), window)).toBeNull()
  expect(window.location.search).toBe('')
})

test('no default, a default in the trash (not in the list), or signed out: the board opens as it is', async () => {
  expect(
    await settleDefaultView(clientWith({ views: [view('a')], defaultViewId: null }), addressAt('/tasks')),
  ).toBeNull()
  expect(
    await settleDefaultView(clientWith({ views: [view('a')], defaultViewId: 'gone' }), addressAt('/tasks')),
  ).toBeNull()
  expect(
    await settleDefaultView(clientWith({ views: [view('a')], defaultViewId: 'a' }, false), addressAt('/tasks')),
  ).toBeNull()
  expect(window.location.search).toBe('')
  expect(readOpenedView()).toBeNull()
})
