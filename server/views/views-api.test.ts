import { afterAll, beforeAll, expect, test } from 'vitest'
import { startApp, type RunningApp } from '../testing/start-app.ts'

let app: RunningApp
beforeAll(async () => {
  app = await startApp({ mode: 'demo' })
})
afterAll(() => app.stop())

type ViewJson = { id: string; name: string; query: string; version: number; scope: string }
const create = async (body: Record<string, unknown>) => {
  const answer = await app.call('POST', '/app/views', { body })
  expect(answer.status).toBe(201)
  return answer.json as unknown as ViewJson
}

test('saves a view with its name trimmed and its query canonical, and lists it', async () => {
  const saved = await create({
    name: '  <img src=x onerror=alert(1)>  ',
    query: '?page=4&priority=urgent,high&tab=open',
    columns: ['type'],
    density: 'compact',
  })
  expect(saved).toMatchObject({
    name: '<img src=x onerror=alert(1)>',
    query: 'tab=open&priority=urgent%2Chigh',
    version: 1,
    scope: 'personal',
  })
  const list = await app.call('GET', '/app/views')
  expect(list.status).toBe(200)
  expect(list.headers['content-type']).toMatch(/^application\/json/)
  expect(list.headers['cache-control']).toBe('no-store')
  expect((list.json.views as ViewJson[]).map((view) => view.id)).toContain(saved.id)
  expect((await app.call('GET', `/app/views/${saved.id}`)).json).toMatchObject({ name: saved.name })
})

test.each([
  [{ name: '', query: '' }, 'A view needs a name.'],
  [{ name: '   ', query: '' }, 'A view needs a name.'],
  [{ name: 'x'.repeat(81), query: '' }, 'A view name has at most 80 characters.'],
  [{ name: 'ok', query: `q=${'a'.repeat(4000)}` }, "A view's query has at most 4000 characters."],
  [{ name: 'ok', query: '', scope: 'everyone' }, undefined],
  [{ name: 'ok', query: '', owner: 'someone-else' }, undefined],
  [{ name: 'ok' }, undefined],
])('refuses %j with 400 in the API error shape', async (body, message) => {
  const answer = await app.call('POST', '/app/views', { body })
  expect(answer.status).toBe(400)
  expect(typeof answer.json.message).toBe('string')
  expect(Array.isArray(answer.json.errors)).toBe(true)
  if (message) expect(answer.json.message).toBe(message)
})

test('refuses bodies that are not JSON objects', async () => {
  expect((await app.call('POST', '/app/views', { body: '{"name":' })).status).toBe(400)
  expect((await app.call('POST', '/app/views', { body: 'x'.repeat(40_000) })).status).toBe(413)
})

test.each([
  ['another origin', { origin: 'http://evil.example' }, 403],
  ['cross-site fetch metadata', { 'sec-fetch-site': 'cross-site' }, 403],
  ['no custom header', { 'x-task-board': '0' }, 403],
  ['a form post', { 'content-type': 'application/x-www-form-urlencoded' }, 415],
])('refuses a write from %s, and saves nothing', async (_name, headers, status) => {
  const answer = await app.call('POST', '/app/views', {
    body: { name: `csrf ${status} ${JSON.stringify(headers)}`, query: '' },
    headers,
  })
  expect(answer.status).toBe(status)
  const names = ((await app.call('GET', '/app/views')).json.views as ViewJson[]).map((view) => view.name)
  expect(names.some((name) => name.startsWith('csrf'))).toBe(false)
})

test('a write without Origin or fetch metadata is refused', async () => {
  const answer = await app.call('POST', '/app/views', {
    body: { name: 'bare', query: '' },
    bare: true,
    headers: { 'x-task-board': '1', 'content-type': 'application/json' },
  })
  expect(answer.status).toBe(403)
})

test('names are unique per scope: 409', async () => {
  await create({ name: 'Unassigned urgent', query: 'assignee=unassigned' })
  const again = await app.call('POST', '/app/views', { body: { name: 'unassigned URGENT', query: '' } })
  expect(again.status).toBe(409)
  expect(again.json.message).toMatch(/already exists/)
})

test('an update names its version; a stale one gets 409 with the current view', async () => {
  const view = await create({ name: 'My overdue', query: 'sort=dueDate:asc' })
  const first = await app.call('PATCH', `/app/views/${view.id}`, {
    body: { version: 1, name: 'My overdue (all)', query: 'tab=all&sort=dueDate:asc' },
  })
  expect(first.status).toBe(200)
  expect(first.json).toMatchObject({ version: 2, name: 'My overdue (all)', query: 'tab=all&sort=dueDate%3Aasc' })
  const stale = await app.call('PATCH', `/app/views/${view.id}`, { body: { version: 1, name: 'lost edit' } })
  expect(stale.status).toBe(409)
  expect(stale.json.current).toMatchObject({ version: 2, name: 'My overdue (all)' })
  expect((await app.call('PATCH', `/app/views/${view.id}`, { body: { name: 'no version' } })).status).toBe(400)
})

test('team views are locked: a change without unlock is 423, with it the old version stays in history', async () => {
  const view = await create({ name: 'Heating, this week', query: 'q=heating', scope: 'team' })
  expect((await app.call('PATCH', `/app/views/${view.id}`, { body: { version: 1, name: 'Heating' } })).status).toBe(423)
  expect((await app.call('DELETE', `/app/views/${view.id}`, { body: { version: 1 } })).status).toBe(423)
  expect(
    (await app.call('PATCH', `/app/views/${view.id}`, { body: { version: 1, query: 'q=boiler', unlock: true } }))
      .status,
  ).toBe(200)
  const history = await app.call('GET', `/app/views/${view.id}/history`)
  expect(history.json.versions).toMatchObject([{ version: 1, query: 'q=heating', name: 'Heating, this week' }])
  const restored = await app.call('POST', `/app/views/${view.id}/history/1/restore`, {
    body: { version: 2, unlock: true },
  })
  expect(restored.json).toMatchObject({ version: 3, query: 'q=heating' })
  expect(((await app.call('GET', `/app/views/${view.id}/history`)).json.versions as unknown[]).length).toBe(2)
})

test('delete moves to the trash; restore brings it back', async () => {
  const view = await create({ name: 'In review for Müller GmbH', query: 'tab=in_review' })
  expect((await app.call('DELETE', `/app/views/${view.id}`, { body: { version: 1 } })).status).toBe(204)
  expect((await app.call('GET', `/app/views/${view.id}`)).status).toBe(404)
  const trash = await app.call('GET', '/app/views/trash')
  expect((trash.json.views as ViewJson[]).map((v) => v.id)).toContain(view.id)
  const restored = await app.call('POST', `/app/views/${view.id}/restore`, { body: {} })
  expect(restored.status).toBe(200)
  expect((await app.call('GET', `/app/views/${view.id}`)).status).toBe(200)
  expect((await app.call('POST', `/app/views/${view.id}/restore`, { body: {} })).status).toBe(404)
})

test('duplicate and the default view', async () => {
  const view = await create({ name: 'Unassigned', query: 'assignee=unassigned', scope: 'team' })
  const copy = await app.call('POST', `/app/views/${view.id}/duplicate`, { body: {} })
  expect(copy.status).toBe(201)
  expect(copy.json).toMatchObject({ name: 'Unassigned (copy)', scope: 'personal', query: 'assignee=unassigned' })
  expect((await app.call('PUT', '/app/default-view', { body: { viewId: view.id } })).status).toBe(200)
  expect((await app.call('GET', '/app/default-view')).json).toEqual({ viewId: view.id })
  expect((await app.call('GET', '/app/views')).json.defaultViewId).toBe(view.id)
  expect((await app.call('PUT', '/app/default-view', { body: { viewId: 'nope-not-here' } })).status).toBe(404)
  expect((await app.call('PUT', '/app/default-view', { body: { viewId: null } })).json).toEqual({ viewId: null })
})

test('a short link redirects to the view’s board URL', async () => {
  const view = await create({ name: 'Short', query: 'tab=open&q=leak' })
  const answer = await app.call('GET', `/v/${view.id}`)
  expect(answer.status).toBe(302)
  expect(answer.headers.location).toBe('/tasks?tab=open&q=leak')
  const empty = await create({ name: 'Everything default', query: '' })
  expect((await app.call('GET', `/v/${empty.id}`)).headers.location).toBe('/tasks')
  // A view that is gone: the board's page, which says so, rather than JSON in the browser.
  const unknown = await app.call('GET', '/v/unknown-id')
  expect(unknown.status).toBe(200)
  expect(unknown.text).toBe('spa')
})

test('unknown paths and methods answer in the error shape, not the SPA', async () => {
  expect((await app.call('GET', '/app/views/a/b/c')).status).toBe(404)
  const unknown = await app.call('GET', '/app/nothing-here')
  expect(unknown.status).toBe(404)
  expect(unknown.json.message).toBe('Not found')
  const wrong = await app.call('PUT', '/app/views', { body: {} })
  expect(wrong.status).toBe(405)
  expect(wrong.json.message).toMatch(/not allowed/)
})

const VIEW_KEYS = ['columns', 'density', 'id', 'name', 'query', 'scope', 'updatedAt', 'updatedBy', 'version', 'widths']
const keysOf = (value: unknown) => Object.keys(value as object).sort()

test('every answer carries a view with only the fields the board shows', async () => {
  const view = await create({ name: 'Fields', query: 'tab=all', scope: 'team', columns: ['type'], density: 'compact' })
  expect(keysOf(view)).toEqual(VIEW_KEYS)
  const answers = [
    (await app.call('GET', `/app/views/${view.id}`)).json,
    (await app.call('PATCH', `/app/views/${view.id}`, { body: { version: 1, name: 'Fields 2', unlock: true } })).json,
    (await app.call('PATCH', `/app/views/${view.id}`, { body: { version: 1, name: 'Fields 3', unlock: true } })).json
      .current,
    (await app.call('POST', `/app/views/${view.id}/history/1/restore`, { body: { version: 2, unlock: true } })).json,
    (await app.call('POST', `/app/views/${view.id}/duplicate`, { body: {} })).json,
  ]
  for (const answer of answers) {
    expect(keysOf(answer)).toEqual(VIEW_KEYS)
    expect(keysOf((answer as { updatedBy: object }).updatedBy)).toEqual(['name'])
  }
  // The list adds the asker's own last look at each view, which the menu counts changes from.
  const listed = async () =>
    ((await app.call('GET', '/app/views')).json.views as { id: string }[]).find((v) => v.id === view.id)
  expect(keysOf(await listed())).toEqual([...VIEW_KEYS, 'lookedAt'].sort())
  expect(await listed()).toMatchObject({ lookedAt: null })
  const look = await app.call('POST', `/app/views/${view.id}/look`, { body: {} })
  expect(look.json).toMatchObject({ previous: null })
  expect(keysOf(look.json)).toEqual(['lookedAt', 'previous'])
  expect(await listed()).toMatchObject({ lookedAt: look.json.lookedAt })
  const again = await app.call('POST', `/app/views/${view.id}/look`, { body: {} })
  expect(again.json).toMatchObject({ previous: look.json.lookedAt })
  expect((await app.call('POST', '/app/views/unknown-id/look', { body: {} })).status).toBe(404)
  expect((await app.call('POST', `/app/views/${view.id}/look`, { body: { at: 0 } })).status).toBe(400)
  const versions = (await app.call('GET', `/app/views/${view.id}/history`)).json.versions as object[]
  expect(versions.length).toBe(2)
  for (const version of versions) {
    expect(keysOf(version)).toEqual(['name', 'query', 'updatedAt', 'updatedBy', 'version'])
  }
  await app.call('DELETE', `/app/views/${view.id}`, { body: { version: 3, unlock: true } })
  const trashed = ((await app.call('GET', '/app/views/trash')).json.views as { id: string }[]).find(
    (v) => v.id === view.id,
  )
  expect(keysOf(trashed)).toEqual(['deletedAt', 'id', 'name', 'scope'])
  expect((await app.call('POST', `/app/views/${view.id}/restore`, { body: {} })).json).toMatchObject({ version: 3 })
  expect(keysOf((await app.call('POST', `/app/views/${view.id}/restore`, { body: {} })).json)).toEqual([
    'errors',
    'message',
  ])
})

test('writes are limited per session: 429 with Retry-After', async () => {
  let last = 0
  let retryAfter: string | string[] | undefined
  for (let i = 0; i < 125 && last !== 429; i++) {
    const answer = await app.call('POST', '/app/views', { body: { name: `burst ${i}`, query: '' } })
    last = answer.status
    retryAfter = answer.headers['retry-after']
  }
  expect(last).toBe(429)
  expect(Number(retryAfter)).toBeGreaterThan(0)
})
