import { afterAll, beforeAll, expect, test } from 'vitest'
import type { DemoUser } from './entities.ts'
import { startTestApi, type TestApi } from '../testing/test-api.ts'

let api: TestApi

beforeAll(async () => {
  api = await startTestApi({ taskCount: 10 })
})

afterAll(async () => {
  await api.close()
})

async function allUsers(query = ''): Promise<DemoUser[]> {
  const users: DemoUser[] = []
  for (let offset = 0; ; offset += 25) {
    const page = await api.getJson<DemoUser[]>(`/users/?limit=1000&offset=${offset}${query}`)
    if (page.length === 0) return users
    users.push(...page)
  }
}

test('pages hold at most 25 users whatever the limit; offset pages through all forty', async () => {
  const first = await api.getJson<DemoUser[]>('/users/?limit=100')
  expect(first).toHaveLength(25)
  const users = await allUsers()
  expect(users).toHaveLength(40)
  expect(new Set(users.map((user) => user._id)).size).toBe(40)
  expect(users.slice(0, 25)).toEqual(first)
  expect(await api.getJson<DemoUser[]>('/users/?limit=10')).toEqual(first.slice(0, 10))
})

test('users carry the personal data real ones do', async () => {
  const [user] = await api.getJson<DemoUser[]>('/users/?limit=1')
  expect(Object.keys(user!).sort()).toEqual(['_id', 'address', 'companyId', 'contract', 'general', 'status', 'tags'])
  expect(Object.keys(user!.general).sort()).toEqual([
    'birthDate',
    'email',
    'firstName',
    'insuranceNumber',
    'lastName',
    'phone',
    'profileImage',
  ])
  expect(user!.contract.iban).toMatch(/^DE/)
})

test('/users/self is the dispatcher the key belongs to, the first user', async () => {
  const self = await api.getJson<DemoUser>('/users/self')
  const [first] = await api.getJson<DemoUser[]>('/users/?limit=1')
  expect(self).toEqual(first)
  expect(self.tags).toContain('dispatcher')
})

test('/users/{id} answers one user; 404 and 400 otherwise', async () => {
  const [, second] = await api.getJson<DemoUser[]>('/users/?limit=2')
  expect(await api.getJson<DemoUser>(`/users/${second!._id}`)).toEqual(second)
  expect((await api.request(`/users/${'0'.repeat(24)}`)).status).toBe(404)
  expect((await api.request('/users/someone')).status).toBe(400)
})

test('name matches first, last or full name, case-insensitively', async () => {
  const users = await allUsers()
  for (const name of ['sabine', 'KRÜGER', 'sabine krü', 'er']) {
    const found = await allUsers(`&name=${encodeURIComponent(name)}`)
    const expected = users.filter(({ general: { firstName, lastName } }) =>
      [firstName, lastName, `${firstName} ${lastName}`].some((text) => text.toLowerCase().includes(name.toLowerCase())),
    )
    expect(expected.length, name).toBeGreaterThan(0)
    expect(
      found.map((user) => user._id),
      name,
    ).toEqual(expected.map((user) => user._id))
  }
})

test('ids, status and tags filter', async () => {
  const users = await allUsers()
  const wanted = [users[3]!._id, users[30]!._id]
  expect((await allUsers(`&ids=${wanted.join(',')}`)).map((user) => user._id)).toEqual(wanted)
  const archived = await allUsers('&status=2')
  expect(archived.length).toBeGreaterThan(0)
  expect(archived.length).toBeLessThan(users.length)
  expect(archived.every((user) => user.status.status === 2)).toBe(true)
  const heating = await allUsers('&tags=heating,plumbing')
  expect(heating.map((user) => user._id)).toEqual(
    users.filter((user) => user.tags.includes('heating') || user.tags.includes('plumbing')).map((user) => user._id),
  )
})

test('sort by last or first name, in both forms', async () => {
  const collator = new Intl.Collator('de', { sensitivity: 'accent', numeric: true })
  const byLast = await allUsers('&sort=general.lastName:1')
  const lastNames = byLast.map((user) => user.general.lastName)
  expect(lastNames).toEqual([...lastNames].sort(collator.compare))
  const json = await allUsers(`&sort=${encodeURIComponent('{"by":"general.firstName","direction":-1}')}`)
  const firstNames = json.map((user) => user.general.firstName)
  expect(firstNames).toEqual([...firstNames].sort((a, b) => collator.compare(b, a)))
  const bad = await api.request('/users/?sort=general.email:1')
  expect(bad.status).toBe(400)
  expect(((await bad.json()) as { message: string }).message).toMatch(/^sort /)
})

test('bad parameters are a 400 naming them', async () => {
  for (const [query, name] of [
    ['limit=0', 'limit'],
    ['offset=-1', 'offset'],
    ['ids=me', 'ids'],
    ['status=x', 'status'],
  ]) {
    const response = await api.request(`/users/?${query}`)
    expect(response.status, query).toBe(400)
    expect(((await response.json()) as { message: string }).message.startsWith(`${name} `)).toBe(true)
  }
})
