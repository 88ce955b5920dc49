import { expect, test } from 'vitest'
import type { WorkloadRow } from '../api/figure-schemas.ts'
import { sortWorkloadRows } from './sort-workload-rows.ts'

function row(name: string | null, active: number, overdue: number): WorkloadRow {
  const assignee = name === null ? null : { id: name.toLowerCase(), name, profilePicture: null }
  return { assignee, active, overdue, dueToday: 0, dueThisWeek: 0 }
}

const ROWS = [row(null, 5, 1), row('Anna', 3, 3), row('Bea', 9, 0), row('Cem', 3, 2)]
const names = (rows: WorkloadRow[]) => rows.map((entry) => entry.assignee?.name ?? 'Unassigned')

test('Unassigned stays first whichever way the people are sorted', () => {
  expect(names(sortWorkloadRows(ROWS, { column: 'active', direction: 'desc' }, 'en'))).toEqual([
    'Unassigned',
    'Bea',
    'Anna',
    'Cem',
  ])
  expect(names(sortWorkloadRows(ROWS, { column: 'overdue', direction: 'asc' }, 'en'))).toEqual([
    'Unassigned',
    'Bea',
    'Cem',
    'Anna',
  ])
  expect(names(sortWorkloadRows(ROWS, { column: 'name', direction: 'desc' }, 'en'))).toEqual([
    'Unassigned',
    'Cem',
    'Bea',
    'Anna',
  ])
})

test('ties keep the order the server sent', () => {
  expect(names(sortWorkloadRows(ROWS, { column: 'active', direction: 'asc' }, 'en'))).toEqual([
    'Unassigned',
    'Anna',
    'Cem',
    'Bea',
  ])
})
