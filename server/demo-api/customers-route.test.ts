import { afterAll, beforeAll, expect, test } from 'vitest'
import type { DemoCustomer } from './entities.ts'
import { startTestApi, type TestApi } from '../testing/test-api.ts'

let api: TestApi
let customers: DemoCustomer[]

beforeAll(async () => {
  api = await startTestApi({ taskCount: 10 })
  customers = []
  for (let offset = 0; ; offset += 25) {
    const page = await api.getJson<DemoCustomer[]>(`/customers/?limit=1000&offset=${offset}`)
    if (page.length === 0) break
    customers.push(...page)
  }
})

afterAll(async () => {
  await api.close()
})

test('120 customers in pages of at most 25, by number', async () => {
  expect(await api.getJson<DemoCustomer[]>('/customers/')).toHaveLength(25)
  expect(customers).toHaveLength(120)
  expect(customers.map((customer) => customer.number)).toEqual(customers.map((_, index) => 10_001 + index))
  expect(Object.keys(customers[0]!)).toEqual(
    expect.arrayContaining(['_id', 'number', 'name', 'contactPerson', 'email', 'status']),
  )
})

test('name filters by a case-insensitive part of the name', async () => {
  for (const needle of ['schule', 'KLINIKUM', 'gmbh']) {
    const found = await api.getJson<DemoCustomer[]>(`/customers/?limit=25&name=${needle}`)
    const expected = customers.filter((customer) => customer.name.toLowerCase().includes(needle.toLowerCase()))
    expect(expected.length, needle).toBeGreaterThan(0)
    expect(found.map((customer) => customer._id)).toEqual(expected.slice(0, 25).map((customer) => customer._id))
  }
  expect(await api.getJson<DemoCustomer[]>('/customers/?name=zzzzzz')).toEqual([])
})

test('ids and number filter; one customer by id', async () => {
  const wanted = [customers[5]!, customers[77]!]
  const byIds = await api.getJson<DemoCustomer[]>(`/customers/?ids=${wanted.map((customer) => customer._id).join(',')}`)
  expect(byIds).toEqual(wanted)
  expect(await api.getJson<DemoCustomer[]>('/customers/?number=10006,10078')).toEqual(wanted)
  expect(await api.getJson<DemoCustomer>(`/customers/${wanted[0]!._id}`)).toEqual(wanted[0])
  expect((await api.request(`/customers/${'f'.repeat(24)}`)).status).toBe(404)
})

test('sort by name, in both forms', async () => {
  const collator = new Intl.Collator('de', { sensitivity: 'accent', numeric: true })
  const colon = await api.getJson<DemoCustomer[]>('/customers/?sort=name:-1')
  const json = await api.getJson<DemoCustomer[]>(
    `/customers/?sort=${encodeURIComponent('{"by":"name","direction":-1}')}`,
  )
  const expected = [...customers].sort((a, b) => collator.compare(b.name, a.name)).slice(0, 25)
  expect(colon.map((customer) => customer.name)).toEqual(expected.map((customer) => customer.name))
  expect(json).toEqual(colon)
})

test('bad parameters are a 400 naming them', async () => {
  for (const [query, name] of [
    ['limit=5000', 'limit'],
    ['number=abc', 'number'],
    ['ids=1', 'ids'],
    ['sort=city:1', 'sort'],
  ]) {
    const response = await api.request(`/customers/?${query}`)
    expect(response.status, query).toBe(400)
    expect(((await response.json()) as { message: string }).message.startsWith(`${name} `)).toBe(true)
  }
})
