import { afterAll, beforeAll, expect, test } from 'vitest'
import { startHostileUpstream, type HostileUpstream } from '../testing/hostile-upstream.ts'
import { startApp, type RunningApp } from '../testing/start-app.ts'

let upstream: HostileUpstream
let app: RunningApp

beforeAll(async () => {
  upstream = await startHostileUpstream()
  // Pictures on the API's own origin are allowed as in production; AVATAR_HOSTS adds a file host.
  app = await startApp({
    mode: 'shared-key',
    upstream: `${upstream.origin}/v2`,
    serverKey: 'k',
    store: false,
    env: { AVATAR_HOSTS: 'https://files.example.com' },
  })
})
afterAll(async () => {
  await app.stop()
  await upstream.close()
})

function serve(body: unknown): void {
  upstream.respond((_url, res) => {
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end(JSON.stringify(body))
  })
}

async function get(path: string): Promise<{ status: number; body: unknown; text: string }> {
  const response = await fetch(`${app.url}/api${path}`)
  const text = await response.text()
  return { status: response.status, body: JSON.parse(text) as unknown, text }
}

const PERSONAL = {
  email: 'anna.schmidt@example.com',
  insuranceNumber: '12 345678 A 123',
  birthDate: '1980-01-01',
  iban: 'DE89370400440532013000',
}

const shownTask = {
  _id: '64f0c0ffee0000000000000a',
  number: 12,
  identifierNumber: 1234,
  title: 'Heating check',
  taskStatus: 'open',
  taskTypeId: 't1',
  taskTemplate: { entityId: 'tpl', templateName: 'Weekly', recurring: true },
  description: 'Boiler room',
  contactPerson: 'Caretaker',
  email: 'desk@example.com',
  telephone: '+49 30 1234',
  assignee: { entityId: 'u1', name: 'Anna Schmidt', profilePicture: 'https://files.example.com/a.png' },
  dueDate: 1767225600000,
  firstStartedAt: '2026-01-01T08:00:00Z',
  firstTerminatedAt: null,
  complaintCreatedAt: null,
  tags: ['boiler'],
  priority: 'high',
  related: {
    customers: [{ entityId: 'c1', name: 'Hausverwaltung Nord', profilePicture: null }],
    objects: [],
    contacts: [],
    users: [],
    assignments: [],
    invoices: [],
    equipment: [],
  },
  documentIds: ['d1'],
  callId: 'call-1',
  completionResponse: 'done',
  status: { status: 1, createdAt: 1767225600000, createdBy: 'u2', lastModifiedAt: null, lastModifiedBy: 'u2' },
}

test('passes every field the board shows of a task, unchanged', async () => {
  serve([shownTask])
  const { status, body } = await get('/tasks/')
  expect(status).toBe(200)
  expect(body).toEqual([shownTask])
})

test('drops personal data planted in a task, its assignee and its related entities', async () => {
  const planted = {
    ...shownTask,
    ...{ salary: 4200, owner: { ...PERSONAL } },
    assignee: { ...shownTask.assignee, ...PERSONAL, user: { general: PERSONAL } },
    related: {
      ...shownTask.related,
      users: [{ entityId: 'u3', name: 'Ben', profilePicture: null, ...PERSONAL }],
      contacts: [{ entityId: 'p1', name: 'Tenant', profilePicture: null, phone: '+49 170 000', address: 'Weg 1' }],
      secrets: [{ entityId: 'x', name: 'Hidden', profilePicture: null }],
    },
    status: { ...shownTask.status, ipAddress: '10.0.0.7' },
  }
  serve([planted])
  const list = await get('/tasks/')
  serve(planted)
  const one = await get(`/tasks/${shownTask._id}`)
  for (const { text } of [list, one]) {
    for (const value of [...Object.values(PERSONAL), '4200', '+49 170 000', 'Weg 1', 'Hidden', '10.0.0.7']) {
      expect(text).not.toContain(value)
    }
  }
  expect(one.body).toEqual({
    ...shownTask,
    related: {
      ...shownTask.related,
      users: [{ entityId: 'u3', name: 'Ben', profilePicture: null }],
      contacts: [{ entityId: 'p1', name: 'Tenant', profilePicture: null }],
    },
  })
})

test('passes customers with id, number and name only', async () => {
  serve([{ _id: 'c1', number: 7, name: 'Nord', contactPerson: 'Eva', ...PERSONAL, bank: { iban: PERSONAL.iban } }])
  expect((await get('/customers/')).body).toEqual([{ _id: 'c1', number: 7, name: 'Nord' }])
})

test('passes task types with what the board shows', async () => {
  serve([{ _id: 't1', name: 'Inspection', prefix: 'INS', color: '#ff0000', svg: '<svg onload=x>', companyId: 'co' }])
  expect((await get('/taskTypes/')).body).toEqual([{ _id: 't1', name: 'Inspection', prefix: 'INS', color: '#ff0000' }])
})

test('strips personal data from users, in lists and alone', async () => {
  const fullUser = {
    _id: 'u1',
    general: { firstName: 'Anna', lastName: 'Schmidt', profileImage: '/a.svg', ...PERSONAL },
    address: { street: 'Hauptstraße 1' },
    contract: { hourlyWage: 21.5 },
  }
  const expected = { _id: 'u1', general: { firstName: 'Anna', lastName: 'Schmidt', profileImage: '/a.svg' } }
  serve([fullUser])
  expect((await get('/users/?limit=5')).body).toEqual([expected])
  serve(fullUser)
  expect((await get('/users/self')).body).toEqual(expected)
})

test('a value of the wrong kind is marked unreadable, never passed on', async () => {
  serve([
    {
      _id: 'x1',
      title: 42,
      taskStatus: { label: 'open', by: PERSONAL },
      assignee: 'anna.schmidt@example.com',
      tags: ['ok', { note: PERSONAL.iban }],
    },
  ])
  const { body, text } = await get('/tasks/')
  expect(body).toEqual([
    {
      _id: 'x1',
      title: { $unreadable: 'number', value: '42' },
      taskStatus: { $unreadable: 'object' },
      assignee: { $unreadable: 'string' },
      tags: ['ok', { $unreadable: 'object' }],
    },
  ])
  expect(text).not.toContain('anna.schmidt')
  expect(text).not.toContain(PERSONAL.iban)
})

test('an unreadable number or boolean passes as text where a primitive belongs; strings and objects never do', async () => {
  serve([
    {
      _id: 'x1',
      taskStatus: 42,
      priority: true,
      identifierNumber: 'anna.schmidt@example.com',
      tags: [7, ['nested']],
      assignee: 42,
      status: { status: 'active', createdAt: false },
      related: { customers: 5 },
    },
  ])
  const { body, text } = await get('/tasks/')
  expect(body).toEqual([
    {
      _id: 'x1',
      taskStatus: { $unreadable: 'number', value: '42' },
      priority: { $unreadable: 'boolean', value: 'true' },
      identifierNumber: { $unreadable: 'string' },
      tags: [{ $unreadable: 'number', value: '7' }, { $unreadable: 'array' }],
      assignee: { $unreadable: 'number' },
      status: { status: { $unreadable: 'string' }, createdAt: { $unreadable: 'boolean', value: 'false' } },
      related: { customers: { $unreadable: 'number' } },
    },
  ])
  expect(text).not.toContain('anna.schmidt')
  expect(text).not.toContain('nested')
})

test('keeps pictures from allowed origins and same-origin paths, drops every other', async () => {
  const pictures = {
    [`${upstream.origin}/files/a.png`]: true,
    'https://files.example.com/b.png': true,
    '/demo-avatars/c.svg': true,
    'https://tracker.example.net/pixel.gif': false,
    'http://files.example.com/b.png': false,
    '//tracker.example.net/p.gif': false,
    'javascript:alert(1)': false,
    'data:image/svg+xml,<svg/>': false,
    '64f0c0ffee0000000000000b': false,
  }
  serve(
    Object.keys(pictures).map((picture, index) => ({
      _id: `u${index}`,
      general: { firstName: 'A', lastName: 'B', profileImage: picture },
    })),
  )
  const users = (await get('/users/')).body as { general: { profileImage: string | null } }[]
  expect(users.map((user) => user.general.profileImage)).toEqual(
    Object.entries(pictures).map(([picture, kept]) => (kept ? picture : null)),
  )
})

test('a list wrapped in an object, or an object where a list belongs, is a 502 with a clear message', async () => {
  serve({ data: [{ _id: 'u1', general: { firstName: 'A' } }] })
  const users = await get('/users/')
  expect(users.status).toBe(502)
  expect(users.body).toMatchObject({ message: 'The tasks API did not send a list where the user list belongs.' })
  for (const path of ['/tasks/', '/customers/', '/taskTypes/']) expect((await get(path)).status).toBe(502)

  serve([shownTask])
  const one = await get(`/tasks/${shownTask._id}`)
  expect(one.status).toBe(502)
  expect(one.body).toMatchObject({ message: 'The tasks API did not send an object where the task belongs.' })
})

test('an answer that is not JSON is a 502, not passed through', async () => {
  upstream.respond((_url, res) => res.end('<html>maintenance</html>'))
  const response = await fetch(`${app.url}/api/tasks/`)
  expect(response.status).toBe(502)
  expect(await response.text()).not.toContain('maintenance')
})
