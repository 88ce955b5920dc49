import { expect, test } from 'vitest'
import { ApiError } from '../../../lib/api-error.ts'
import { parseRows, parseRowsInSlices } from './parse-rows.ts'
import { taskSchema } from './schemas.ts'

const row = (id: string, title = `Task ${id}`) => ({
  _id: id,
  title,
  identifierNumber: 1,
  status: { status: 1, createdAt: 0, createdBy: null, lastModifiedAt: 0, lastModifiedBy: null },
})

test('skips broken rows, counts them and keeps the first reason', () => {
  const { rows, skipped } = parseRows([row('a'), { title: 'no id' }, row('b'), { _id: 'c' }], taskSchema, 'tasks')
  expect(rows.map((task) => task._id)).toEqual(['a', 'b'])
  expect(skipped.count).toBe(2)
  expect(skipped.firstReason).toMatch(/^Row 2: _id/)
})

test('shows a row repeated within a page once', () => {
  const { rows, skipped } = parseRows([row('a', 'first'), row('b'), row('a', 'again')], taskSchema, 'tasks')
  expect(rows.map((task) => task.title)).toEqual(['first', 'Task b'])
  expect(skipped.count).toBe(0)
})

test('an empty list is a valid empty page', () => {
  expect(parseRows([], taskSchema, 'tasks')).toEqual({ rows: [], skipped: { count: 0, firstReason: null } })
})

test.each([
  ['an object', { data: [] }],
  ['null', null],
  ['a string', 'tasks'],
])('rejects %s where a list was expected', (_, body) => {
  expect(() => parseRows(body, taskSchema, 'tasks')).toThrowError(
    expect.objectContaining({ kind: 'unexpected-shape' }) as Error,
  )
})

test('every row broken is an error, not an empty page', () => {
  let caught: unknown
  try {
    parseRows([{ nope: 1 }, { nope: 2 }], taskSchema, 'tasks')
  } catch (error) {
    caught = error
  }
  expect(caught).toBeInstanceOf(ApiError)
  expect((caught as ApiError).kind).toBe('unexpected-shape')
  expect((caught as ApiError).message).toContain('None of the 2 tasks')
})

test('in slices, the same rows, skips and errors as at once', async () => {
  const body = Array.from({ length: 450 }, (_, index) =>
    index % 97 === 5 ? { title: 'no id' } : row(`t${index % 400}`),
  )
  expect(await parseRowsInSlices(body, taskSchema, 'tasks')).toEqual(parseRows(body, taskSchema, 'tasks'))
  await expect(parseRowsInSlices({ not: 'a list' }, taskSchema, 'tasks')).rejects.toThrowError(/where a list of tasks/)
  await expect(parseRowsInSlices([{}, {}], taskSchema, 'tasks')).rejects.toThrowError(/None of the 2 tasks/)
})

function staged(first: number) {
  const events: string[] = []
  return {
    events,
    staged: {
      first,
      onFirstRows: ({ rows, skipped }: { rows: { _id: string }[]; skipped: { count: number } }) =>
        events.push(`first ${rows.length} rows, ${skipped.count} skipped`),
      afterFirstRows: () => {
        events.push('painted')
        return Promise.resolve()
      },
    },
  }
}

test('in stages, the first rows go out once, before the rest is read, and the result is the same', async () => {
  const body = Array.from({ length: 450 }, (_, index) => (index === 3 ? { title: 'no id' } : row(`t${index}`)))
  const { events, staged: stages } = staged(50)
  const parsed = await parseRowsInSlices(body, taskSchema, 'tasks', stages)
  expect(events).toEqual(['first 49 rows, 1 skipped', 'painted'])
  expect(parsed).toEqual(parseRows(body, taskSchema, 'tasks'))
})

test('in stages, a first stage of broken rows reads on to the first rows that can be shown', async () => {
  const body = [
    ...Array.from({ length: 60 }, () => ({ title: 'no id' })),
    ...Array.from({ length: 340 }, (_, index) => row(`t${index}`)),
  ]
  const { events, staged: stages } = staged(50)
  await parseRowsInSlices(body, taskSchema, 'tasks', stages)
  expect(events).toEqual(['first 140 rows, 60 skipped', 'painted'])
})

test('in stages, a page no longer than the first stage is read whole, with nothing handed over early', async () => {
  const body = Array.from({ length: 50 }, (_, index) => row(`t${index}`))
  const { events, staged: stages } = staged(50)
  expect((await parseRowsInSlices(body, taskSchema, 'tasks', stages)).rows).toHaveLength(50)
  expect(events).toEqual([])
})

test('in stages, every row broken is still an error, and nothing was handed over', async () => {
  const { events, staged: stages } = staged(50)
  await expect(
    parseRowsInSlices(
      Array.from({ length: 120 }, () => ({})),
      taskSchema,
      'tasks',
      stages,
    ),
  ).rejects.toThrowError(/None of the 120 tasks/)
  expect(events).toEqual([])
})
