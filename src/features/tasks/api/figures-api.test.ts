// @vitest-environment node
import { beforeAll, expect, inject, test } from 'vitest'
import { setApiBase } from '../../../lib/api-client.ts'
import { ApiError } from '../../../shared/api-error.ts'
import { getWorkload, listCounts } from './figures-api.ts'
import { listTasks } from './tasks-api.ts'

beforeAll(() => {
  setApiBase(`${inject('appOrigin')}/api`)
})

test('counts come from the app server, one per set, in order, and match the rows', async () => {
  const counts = await listCounts(['taskStatus=cancelled', 'taskStatus=cancelled&priority=urgent', ''])
  expect(counts.map((count) => count.state)).toEqual(['exact', 'exact', 'exact'])
  const cancelled = await listTasks({ limit: 1000, offset: 0, taskStatus: ['cancelled'] })
  expect(counts[0]?.count).toBe(cancelled.tasks.length)
  expect(counts[1]?.count).toBe(cancelled.tasks.filter((task) => task.priority === 'urgent').length)
  expect(counts[2]?.count).toBeGreaterThan(counts[0]?.count ?? 0)
})

test('a set the app server refuses is an ApiError naming the parameter', async () => {
  const error = await listCounts(['limit=5']).catch((reason: unknown) => reason)
  expect(error).toBeInstanceOf(ApiError)
  expect((error as ApiError).status).toBe(400)
  expect((error as ApiError).message + (error as ApiError).details.join(' ')).toContain('limit')
})

test('the workload has Unassigned first and covers the active tasks of the filters', async () => {
  const workload = await getWorkload('priority=urgent', 'Europe/Berlin')
  expect(workload.timeZone).toBe('Europe/Berlin')
  expect(workload.rows[0]?.assignee).toBeNull()
  const active = workload.rows.reduce((sum, row) => sum + row.active, 0)
  expect(active).toBe(workload.covered)
  expect(workload.truncated).toBe(false)
})

test('tab sets of a view naming a hundred people go in requests short enough for the server', async () => {
  const ids = Array.from({ length: 100 }, (_, index) => index.toString(16).padStart(24, 'a')).join(',')
  const sets = Array.from({ length: 8 }, (_, tab) => `userIds=${ids}&priority=${tab % 2 ? 'high' : 'low'}`)
  expect(new URLSearchParams(sets.map((set) => ['set', set])).toString().length).toBeGreaterThan(16_384)
  const counts = await listCounts(sets)
  expect(counts).toHaveLength(8)
  expect(counts.every((count) => count.state === 'exact' && count.count === 0)).toBe(true)
})
