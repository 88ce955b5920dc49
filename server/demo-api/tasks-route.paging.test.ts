import { describe, expect, test } from 'vitest'
import type { DemoTask } from './entities.ts'
import { demoApiForFile, taskIds as ids } from '../testing/test-api.ts'

const file = demoApiForFile({ taskCount: 3000 })

describe('paging', () => {
  test('limit and offset page through the same order as one big page', async () => {
    for (const sort of [
      '',
      '&sort=priority:1',
      `&sort=${encodeURIComponent('{"by":"assignee.name","direction":-1}')}`,
    ]) {
      const pages = await Promise.all(
        [0, 50, 100, 150].map((offset) => file.api.getJson<DemoTask[]>(`/tasks/?limit=50&offset=${offset}${sort}`)),
      )
      const big = await file.api.getJson<DemoTask[]>(`/tasks/?limit=200${sort}`)
      expect(pages.every((page) => page.length === 50)).toBe(true)
      expect(ids(pages.flat())).toEqual(ids(big))
      expect(new Set(ids(big)).size).toBe(200)
    }
  })

  test('a page past the end is empty; the last page is short', async () => {
    expect(await file.api.getJson<DemoTask[]>('/tasks/?offset=3000')).toEqual([])
    expect(await file.api.getJson<DemoTask[]>('/tasks/?offset=2990&limit=1000')).toHaveLength(10)
    expect(await file.api.getJson<DemoTask[]>('/tasks/?limit=1000')).toHaveLength(1000)
  })

  test('filters apply before paging', async () => {
    const open = file.all.filter((task) => task.taskStatus === 'open')
    const page = await file.api.getJson<DemoTask[]>('/tasks/?taskStatus=open&limit=25&offset=25')
    expect(ids(page)).toEqual(ids(open.slice(25, 50)))
  })
})

describe('one task', () => {
  test('GET /tasks/{id} answers the task as the list has it', async () => {
    const task = file.all[1234]!
    expect(await file.api.getJson<DemoTask>(`/tasks/${task._id}`)).toEqual(task)
    expect(await file.api.getJson<DemoTask>(`/tasks/${task._id.toUpperCase()}`)).toEqual(task)
  })

  test('404 for an id no task has, 400 for one that cannot be an id', async () => {
    const missing = await file.api.request(`/tasks/${'0'.repeat(24)}`)
    expect(missing.status).toBe(404)
    expect(await missing.json()).toEqual({ message: 'Task not found', errors: [{ message: 'Task not found' }] })
    const malformed = await file.api.request('/tasks/not-an-id')
    expect(malformed.status).toBe(400)
    expect(((await malformed.json()) as { message: string }).message).toMatch(/^id must be a 24-character/)
  })
})

describe('invalid parameters: 400 naming the parameter', () => {
  const cases: [string, string][] = [
    ['limit=0', 'limit'],
    ['limit=1001', 'limit'],
    ['limit=ten', 'limit'],
    ['limit=2.5', 'limit'],
    ['offset=-1', 'offset'],
    ['offset=x', 'offset'],
    ['sort=dueDate', 'sort'],
    ['sort=dueDate:2', 'sort'],
    ['sort=dueDate:asc', 'sort'],
    ['sort=colour:1', 'sort'],
    [`sort=${encodeURIComponent('{"by":"dueDate"}')}`, 'sort'],
    [`sort=${encodeURIComponent('{"by":"dueDate","direction":"asc"}')}`, 'sort'],
    [`sort=${encodeURIComponent('{"by":"colour","direction":1}')}`, 'sort'],
    [`sort=${encodeURIComponent('{"by":"dueDate",')}`, 'sort'],
    ['customer=123', 'customer'],
    ['userIds=somebody', 'userIds'],
    ['userIds=unassigned', 'userIds'],
    ['taskAssignee=0123456789abcdef0123456', 'taskAssignee'],
    ['relatedContacts=x', 'relatedContacts'],
    ['relatedUsers=x', 'relatedUsers'],
    ['relatedObjects=x', 'relatedObjects'],
    ['relatedCustomers=x', 'relatedCustomers'],
    ['relatedAssignments=x', 'relatedAssignments'],
    ['relatedInvoices=x', 'relatedInvoices'],
    ['relatedEquipments=x', 'relatedEquipments'],
    ['callId=zz', 'callId'],
    ['taskType=not-an-id', 'taskType'],
    ['taskType=0123456789abcdef0123456g', 'taskType'],
    ['taskStatus=done', 'taskStatus'],
    ['taskStatus=open,waiting_for_parts', 'taskStatus'],
    ['taskFromRecurringTemplate=yes', 'taskFromRecurringTemplate'],
    ['status=active', 'status'],
  ]

  test.each(cases)('%s', async (query, parameter) => {
    const response = await file.api.request(`/tasks/?${query}`)
    expect(response.status).toBe(400)
    expect(response.headers.get('content-type')).toMatch(/^application\/json/)
    const body = (await response.json()) as { message: string; errors: { message: string }[] }
    expect(body.message.startsWith(`${parameter} `)).toBe(true)
    expect(body.errors).toEqual([{ message: body.message }])
  })

  test('several problems are listed together', async () => {
    const response = await file.api.request('/tasks/?limit=0&taskType=x&sort=nope')
    expect(response.status).toBe(400)
    const body = (await response.json()) as { message: string; errors: { message: string }[] }
    expect(body.errors.map((error) => error.message.split(' ')[0])).toEqual(['limit', 'sort', 'taskType'])
    expect(body.message).toContain('taskType')
  })
})
