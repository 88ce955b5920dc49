import { expect, test } from 'vitest'
import { ApiError } from '../../../shared/api-error.ts'
import { parseRows, parseRowsInSlices } from './parse-rows.ts'
import { taskSchema } from '../../../shared/tasks/api/schemas.ts'

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

/** Every slice a read yields, as "N rows, M skipped" and whether it was the last. */
async function slicesOf(body: unknown, first?: number) {
  const slices: string[] = []
  let last = null
  for await (const slice of parseRowsInSlices(body, taskSchema, 'tasks', first)) {
    slices.push(`${slice.rows.length} rows, ${slice.skipped.count} skipped${slice.complete ? '' : ', partial'}`)
    last = slice
  }
  return { slices, last }
}

test('in slices, the same rows, skips and errors as at once', async () => {
  const body = Array.from({ length: 450 }, (_, index) =>
    index % 97 === 5 ? { title: 'no id' } : row(`t${index % 400}`),
  )
  const { slices, last } = await slicesOf(body)
  expect(slices).toHaveLength(1)
  expect({ rows: last?.rows, skipped: last?.skipped }).toEqual(parseRows(body, taskSchema, 'tasks'))
  await expect(slicesOf({ not: 'a list' })).rejects.toThrowError(/where a list of tasks/)
  await expect(slicesOf([{}, {}])).rejects.toThrowError(/None of the 2 tasks/)
})

test('with a first stage, its rows come first, then all of them, the same as at once', async () => {
  const body = Array.from({ length: 450 }, (_, index) => (index === 3 ? { title: 'no id' } : row(`t${index}`)))
  const { slices, last } = await slicesOf(body, 50)
  expect(slices).toEqual(['49 rows, 1 skipped, partial', '449 rows, 1 skipped'])
  expect({ rows: last?.rows, skipped: last?.skipped }).toEqual(parseRows(body, taskSchema, 'tasks'))
})

test('the first slice is a copy: reading on does not change what was handed out', async () => {
  const body = Array.from({ length: 450 }, (_, index) => row(`t${index}`))
  const slices = parseRowsInSlices(body, taskSchema, 'tasks', 50)
  const first = await slices.next()
  expect(first.value?.rows).toHaveLength(50)
  const rest = await slices.next()
  expect(first.value?.rows).toHaveLength(50)
  expect(rest.value?.rows).toHaveLength(450)
  expect((await slices.next()).done).toBe(true)
})

test('a first stage of broken rows reads on to the first rows that can be shown', async () => {
  const body = [
    ...Array.from({ length: 60 }, () => ({ title: 'no id' })),
    ...Array.from({ length: 340 }, (_, index) => row(`t${index}`)),
  ]
  expect((await slicesOf(body, 50)).slices).toEqual(['140 rows, 60 skipped, partial', '340 rows, 60 skipped'])
})

test('a page no longer than the first stage comes whole, in one slice', async () => {
  const body = Array.from({ length: 50 }, (_, index) => row(`t${index}`))
  expect((await slicesOf(body, 50)).slices).toEqual(['50 rows, 0 skipped'])
})

test('with a first stage, every row broken is still an error, and nothing came before it', async () => {
  const seen: number[] = []
  await expect(
    (async () => {
      for await (const slice of parseRowsInSlices(
        Array.from({ length: 120 }, () => ({})),
        taskSchema,
        'tasks',
        50,
      )) {
        seen.push(slice.rows.length)
      }
    })(),
  ).rejects.toThrowError(/None of the 120 tasks/)
  expect(seen).toEqual([])
})
