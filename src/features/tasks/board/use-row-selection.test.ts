import { expect, test } from 'vitest'
import type { Task } from '../../../shared/tasks/api/schemas.ts'
import { nextSelection } from './use-row-selection.ts'

const rows = Array.from({ length: 6 }, (_, index) => ({ _id: `t${index}` }) as Task)
const ids = (selection: ReadonlyMap<string, Task>) => [...selection.keys()]

test('x picks a row and picks it back; shift-click picks every row from the last one picked', () => {
  let picked = nextSelection(new Map(), rows, 1, null, false)
  expect(ids(picked)).toEqual(['t1'])
  picked = nextSelection(picked, rows, 4, 't1', true)
  expect(ids(picked)).toEqual(['t1', 't2', 't3', 't4'])
  picked = nextSelection(picked, rows, 0, 't4', true)
  expect(ids(picked).sort()).toEqual(['t0', 't1', 't2', 't3', 't4'])
  picked = nextSelection(picked, rows, 2, 't0', false)
  expect(ids(picked)).not.toContain('t2')
  // Without a row picked before, a shift-click picks the one row.
  expect(ids(nextSelection(new Map(), rows, 3, null, true))).toEqual(['t3'])
  // The last row picked is on another page: a shift-click picks the one row, not rows nobody chose.
  const nextPage = Array.from({ length: 6 }, (_, index) => ({ _id: `p${index}` }) as Task)
  expect(ids(nextSelection(new Map([['t5', rows[5]!]]), nextPage, 2, 't5', true))).toEqual(['t5', 'p2'])
})

test('never more than one job takes', () => {
  const many = Array.from({ length: 1200 }, (_, index) => ({ _id: `m${index}` }) as Task)
  const picked = nextSelection(nextSelection(new Map(), many, 0, null, false), many, 1199, 'm0', true)
  expect(picked.size).toBe(1000)
})
