import { afterAll, beforeAll, expect, test } from 'vitest'
import { startApp, type RunningApp } from '../testing/start-app.ts'

let app: RunningApp
beforeAll(async () => {
  app = await startApp({ mode: 'demo' })
})
afterAll(() => app.stop())

type ViewJson = { id: string; version: number; widths: Record<string, number> | null }

test('a view keeps the column widths it was saved with, changes them and reads null without', async () => {
  const created = await app.call('POST', '/app/views', {
    body: { name: 'Wide assignee', query: 'tab=open', widths: { assignee: 18.25, dueDate: 40 } },
  })
  expect(created.status).toBe(201)
  const view = created.json as unknown as ViewJson
  expect(view.widths).toEqual({ assignee: 18.25, dueDate: 40 })
  expect((await app.call('GET', `/app/views/${view.id}`)).json.widths).toEqual({ assignee: 18.25, dueDate: 40 })
  const edited = await app.call('PATCH', `/app/views/${view.id}`, { body: { version: 1, widths: { email: 14 } } })
  expect(edited.status).toBe(200)
  expect(edited.json.widths).toEqual({ email: 14 })
  const bare = await app.call('POST', '/app/views', { body: { name: 'No widths', query: '' } })
  expect(bare.json.widths).toBeNull()
})

test.each([
  ['an unknown column', { nosuchcolumn: 10 }, 'widths.nosuchcolumn'],
  ['the title, which takes what is left and is not resized', { title: 20 }, 'widths.title'],
  ['a key of every object', { constructor: 10 }, 'widths.constructor'],
  ['a width below the column’s narrowest', { assignee: 5.75 }, 'widths.assignee'],
  ['a width below a column’s default when it has no minimum', { dueDate: 12 }, 'widths.dueDate'],
  ['a width beyond the widest', { assignee: 40.25 }, 'widths.assignee'],
  ['a negative width', { tags: -8 }, 'widths.tags'],
  ['a width as text', { assignee: '14' }, 'widths.assignee'],
  ['a width as an object', { assignee: { rem: 14 } }, 'widths.assignee'],
  ['a list instead of widths by column', [14, 12], 'widths'],
])('refuses %s with 400 and saves nothing', async (_name, widths, field) => {
  const name = `widths ${JSON.stringify(widths)}`
  const answer = await app.call('POST', '/app/views', { body: { name, query: '', widths } })
  expect(answer.status).toBe(400)
  expect((answer.json.errors as { field?: string }[]).map((error) => error.field)).toContain(field)
  const names = ((await app.call('GET', '/app/views')).json.views as { name: string }[]).map((view) => view.name)
  expect(names).not.toContain(name)
})

test('an edit with widths out of bounds is refused and leaves the view as it was', async () => {
  const view = (await app.call('POST', '/app/views', { body: { name: 'Kept widths', query: '', widths: { type: 9 } } }))
    .json as unknown as ViewJson
  const answer = await app.call('PATCH', `/app/views/${view.id}`, { body: { version: 1, widths: { type: 99 } } })
  expect(answer.status).toBe(400)
  expect((await app.call('GET', `/app/views/${view.id}`)).json).toMatchObject({ version: 1, widths: { type: 9 } })
})
