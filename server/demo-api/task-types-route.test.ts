import { afterAll, beforeAll, expect, test } from 'vitest'
import type { DemoTaskType } from './entities.ts'
import { startTestApi, type TestApi } from '../testing/test-api.ts'

let api: TestApi

beforeAll(async () => {
  api = await startTestApi({ taskCount: 10 })
})

afterAll(async () => {
  await api.close()
})

test('six task types with prefix, colour, icon, default flag and status', async () => {
  const types = await api.getJson<DemoTaskType[]>('/taskTypes/')
  expect(types.map((type) => type.prefix)).toEqual(['CLN', 'HZG', 'INS', 'REP', 'REC', 'CMP'])
  expect(types.filter((type) => type.isDefault)).toHaveLength(1)
  for (const type of types) {
    expect(type._id).toMatch(/^[0-9a-f]{24}$/)
    expect(type.color).toMatch(/^#[0-9a-f]{6}$/)
    expect(type.svg === null || type.svg.startsWith('<svg')).toBe(true)
    expect(type.status.status).toBe(1)
  }
})

test('page and limit page through them', async () => {
  const all = await api.getJson<DemoTaskType[]>('/taskTypes/')
  expect(await api.getJson<DemoTaskType[]>('/taskTypes/?limit=4')).toEqual(all.slice(0, 4))
  expect(await api.getJson<DemoTaskType[]>('/taskTypes/?limit=4&page=2')).toEqual(all.slice(4))
  expect(await api.getJson<DemoTaskType[]>('/taskTypes/?limit=4&page=3')).toEqual([])
})

test('name, ids and status filter', async () => {
  const all = await api.getJson<DemoTaskType[]>('/taskTypes')
  expect((await api.getJson<DemoTaskType[]>('/taskTypes/?name=REINIG')).map((type) => type.prefix)).toEqual(['CLN'])
  const wanted = [all[1]!, all[5]!]
  expect(await api.getJson<DemoTaskType[]>(`/taskTypes/?ids=${wanted.map((type) => type._id).join(',')}`)).toEqual(
    wanted,
  )
  expect(await api.getJson<DemoTaskType[]>('/taskTypes/?status=2')).toEqual([])
  expect(await api.getJson<DemoTaskType[]>(`/taskTypes/${all[2]!._id}`)).toEqual(all[2])
})

test('bad parameters are a 400 naming them', async () => {
  for (const [query, name] of [
    ['page=0', 'page'],
    ['limit=0', 'limit'],
    ['ids=x', 'ids'],
  ]) {
    const response = await api.request(`/taskTypes/?${query}`)
    expect(response.status, query).toBe(400)
    expect(((await response.json()) as { message: string }).message.startsWith(`${name} `)).toBe(true)
  }
})
