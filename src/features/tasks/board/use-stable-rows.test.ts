import { act, renderHook } from '@testing-library/react'
import { expect, test } from 'vitest'
import type { Task } from '../../../shared/tasks/api/schemas.ts'
import { useStableRows } from './use-stable-rows.ts'

const task = (id: string, title = id) => ({ _id: id, title }) as Task

test('a refetch updates rows in place and counts added and removed ones', () => {
  const { result, rerender } = renderHook(({ key, rows }) => useStableRows(key, rows), {
    initialProps: { key: 'view', rows: [task('a'), task('b'), task('c')] as Task[] | undefined },
  })
  expect(result.current.rows.map((row) => row._id)).toEqual(['a', 'b', 'c'])

  rerender({ key: 'view', rows: [task('d'), task('a', 'a renamed'), task('c')] })
  expect(result.current.rows.map((row) => row.title)).toEqual(['a renamed', 'b', 'c'])
  expect(result.current.added).toBe(1)
  expect(result.current.removed).toBe(1)

  act(() => result.current.reveal())
  expect(result.current.rows.map((row) => row._id)).toEqual(['d', 'a', 'c'])
  expect(result.current.added).toBe(0)
  expect(result.current.removed).toBe(0)
})

test('a new view shows its rows as they come', () => {
  const { result, rerender } = renderHook(({ key, rows }) => useStableRows(key, rows), {
    initialProps: { key: 'page-1', rows: [task('a'), task('b')] as Task[] | undefined },
  })
  rerender({ key: 'page-2', rows: [task('c'), task('d')] })
  expect(result.current.rows.map((row) => row._id)).toEqual(['c', 'd'])
  expect(result.current.added).toBe(0)
})

test('while a new view has no rows yet, the last rows shown stay', () => {
  const { result, rerender } = renderHook(({ key, rows }) => useStableRows(key, rows), {
    initialProps: { key: 'tab-1', rows: [task('a'), task('b')] as Task[] | undefined },
  })
  rerender({ key: 'tab-2', rows: undefined })
  expect(result.current.rows.map((row) => row._id)).toEqual(['a', 'b'])
  rerender({ key: 'tab-2', rows: [task('c')] })
  expect(result.current.rows.map((row) => row._id)).toEqual(['c'])
})

test('a row a refetch dropped keeps the last version seen of it, not the one first pinned', () => {
  const { result, rerender } = renderHook(({ key, rows }) => useStableRows(key, rows), {
    initialProps: { key: 'low', rows: [task('a', 'low'), task('b', 'low')] as Task[] | undefined },
  })
  // Changed on the board (its new value put in place), then asked again: it no longer belongs to the view.
  rerender({ key: 'low', rows: [task('a', 'urgent'), task('b', 'low')] })
  rerender({ key: 'low', rows: [task('b', 'low')] })
  expect(result.current.rows.map((row) => row.title)).toEqual(['urgent', 'low'])
  expect(result.current.removed).toBe(1)
})

test('a row a refetch dropped shows a newer version of its task read on its own, never an older one', () => {
  const at = (id: string, title: string, lastModifiedAt: number) => ({ ...task(id, title), status: { lastModifiedAt } })
  const alone = new Map<string, Task>([
    ['a', at('a', 'a as a colleague left it', 20) as Task],
    ['b', at('b', 'b read long ago', 1) as Task],
  ])
  const { result, rerender } = renderHook(({ rows }) => useStableRows('view', rows, (id) => alone.get(id)), {
    initialProps: { rows: [at('a', 'a', 10), at('b', 'b', 10), at('c', 'c', 10)] as Task[] | undefined },
  })
  rerender({ rows: [at('c', 'c', 10)] as Task[] })
  expect(result.current.rows.map((row) => row.title)).toEqual(['a as a colleague left it', 'b', 'c'])
  expect(result.current.removed).toBe(2)
})
