import { afterAll, beforeAll, expect, test } from 'vitest'
import type { DemoTask } from './entities.ts'
import { startTestApi, type TestApi } from '../testing/test-api.ts'

// The largest data set the demo allows. Timings are printed for whoever
// tunes the demo, never asserted: a loaded machine must not fail the suite.
let api: TestApi

beforeAll(async () => {
  const started = performance.now()
  api = await startTestApi({ taskCount: 100_000 })
  console.info(`100,000 tasks generated and indexed in ${Math.round(performance.now() - started)} ms`)
}, 60_000)

afterAll(async () => {
  await api.close()
})

async function timedList(query: string): Promise<{ rows: DemoTask[]; total: number }> {
  const started = performance.now()
  const result = await api.listTasks(query)
  console.info(`${Math.round(performance.now() - started)} ms for ${result.rows.length} of ${result.total}: ${query}`)
  return result
}

test('a filtered, sorted page deep into 100,000 tasks', async () => {
  const { rows, total } = await timedList(
    `limit=100&offset=2000&taskStatus=open,in_progress&priority=high,urgent&sort=${encodeURIComponent('{"by":"dueDate","direction":1}')}`,
  )
  expect(total).toBeGreaterThan(5000)
  expect(rows).toHaveLength(100)
  for (const task of rows) {
    expect(['open', 'in_progress']).toContain(task.taskStatus)
    expect(['high', 'urgent']).toContain(task.priority)
  }
  const due = rows.map((task) => new Date(task.dueDate as string | number).getTime())
  expect(due).toEqual([...due].sort((a, b) => a - b))
})

test('a search that has to look at every task', async () => {
  const { rows, total } = await timedList('limit=50&taskByTitleIdentifier=zzz-no-such-title&sort=title:-1')
  expect(total).toBe(0)
  expect(rows).toEqual([])
})

test('the full list, newest first, and an unassigned filter by assignee name', async () => {
  const { total } = await timedList('limit=1000')
  expect(total).toBe(100_000)
  const { rows } = await timedList(
    `limit=200&userIds=unassigned_jobs&sort=${encodeURIComponent('{"by":"assignee.name","direction":-1}')}`,
  )
  expect(rows).toHaveLength(200)
  expect(rows.every((task) => task.assignee == null)).toBe(true)
})
