import { expect, test } from 'vitest'
import { DAY, startOfLocalDay } from './clock.ts'
import { generateDemoData } from './data.ts'
import type { DemoTask } from './entities.ts'
import { TEST_NOW } from '../testing/test-api.ts'

const data = generateDemoData({ seed: 7, now: TEST_NOW, taskCount: 4000 })
const { tasks, users, customers, taskTypes } = data
const today = startOfLocalDay(TEST_NOW)

const instant = (value: unknown): number | null =>
  typeof value === 'number' ? value : typeof value === 'string' ? Date.parse(value) : null
const share = (predicate: (task: DemoTask) => boolean) => tasks.filter(predicate).length / tasks.length

test('the same seed and day give the same data; another seed other data', () => {
  const again = generateDemoData({ seed: 7, now: TEST_NOW, taskCount: 4000 })
  expect(again.tasks.slice(0, 50)).toEqual(tasks.slice(0, 50))
  expect(again.users).toEqual(users)
  const other = generateDemoData({ seed: 8, now: TEST_NOW, taskCount: 4000 })
  expect(other.tasks[0]!._id).not.toBe(tasks[0]!._id)
  expect(other.users[0]!._id).not.toBe(users[0]!._id)
})

test('users, customers and types keep their ids whatever the number of tasks', () => {
  const fewer = generateDemoData({ seed: 7, now: TEST_NOW, taskCount: 10 })
  expect(fewer.users.map((user) => user._id)).toEqual(users.map((user) => user._id))
  expect(fewer.customers.map((customer) => customer._id)).toEqual(customers.map((customer) => customer._id))
  expect(fewer.taskTypes.map((type) => type._id)).toEqual(taskTypes.map((type) => type._id))
})

test('a task keeps its id on another day', () => {
  const tomorrow = generateDemoData({ seed: 7, now: TEST_NOW + DAY, taskCount: 4000 })
  expect(new Set(tomorrow.tasks.map((task) => task._id))).toEqual(new Set(tasks.map((task) => task._id)))
})

test('ids are ObjectIds and unique; numbers count 1..n in creation order', () => {
  const ids = tasks.map((task) => task._id)
  expect(ids.every((id) => /^[0-9a-f]{24}$/.test(id))).toBe(true)
  expect(new Set(ids).size).toBe(tasks.length)
  expect(tasks.map((task) => task.number)).toEqual(tasks.map((_, index) => index + 1))
  const created = tasks.map((task) => Date.parse(task.status.createdAt))
  expect(created).toEqual([...created].sort((a, b) => a - b))
})

test('identifier numbers count from 1001 within each task type', () => {
  for (const type of taskTypes) {
    const numbers = tasks.filter((task) => task.taskTypeId === type._id).map((task) => task.identifierNumber)
    expect(numbers.length, type.prefix).toBeGreaterThan(100)
    expect(numbers).toEqual(numbers.map((_, index) => 1001 + index))
  }
})

test('six task types with distinct prefixes and colours, one default', () => {
  expect(taskTypes.map((type) => type.prefix)).toEqual(['CLN', 'HZG', 'INS', 'REP', 'REC', 'CMP'])
  expect(new Set(taskTypes.map((type) => type.color)).size).toBe(6)
  expect(taskTypes.every((type) => /^#[0-9a-f]{6}$/.test(type.color))).toBe(true)
  expect(taskTypes.filter((type) => type.isDefault).map((type) => type.prefix)).toEqual(['REP'])
  expect(taskTypes.some((type) => type.svg === null)).toBe(true)
  expect(taskTypes.some((type) => type.svg?.startsWith('<svg'))).toBe(true)
})

test('workflow states in the documented shares, with null and undocumented ones too', () => {
  expect(share((task) => task.taskStatus === 'new')).toBeCloseTo(0.15, 1)
  expect(share((task) => task.taskStatus === 'open')).toBeCloseTo(0.2, 1)
  expect(share((task) => task.taskStatus === 'in_progress')).toBeCloseTo(0.2, 1)
  expect(share((task) => task.taskStatus === 'in_review')).toBeCloseTo(0.1, 1)
  expect(share((task) => task.taskStatus === 'completed')).toBeCloseTo(0.25, 1)
  expect(share((task) => task.taskStatus === 'cancelled')).toBeCloseTo(0.05, 1)
  expect(tasks.some((task) => task.taskStatus === null)).toBe(true)
  expect(tasks.some((task) => task.taskStatus === 'waiting_for_parts' || task.taskStatus === 'on_hold')).toBe(true)
})

test('priorities: mostly the four known, some unknown strings, some missing', () => {
  const known = ['low', 'medium', 'high', 'urgent']
  expect(share((task) => known.includes(task.priority ?? ''))).toBeGreaterThan(0.95)
  expect(tasks.some((task) => task.priority !== undefined && !known.includes(task.priority))).toBe(true)
  expect(tasks.some((task) => !('priority' in task))).toBe(true)
})

test('timestamps come in the live shapes: mostly epoch ms, ISO text too, null where they do not apply', () => {
  const dues = tasks.map((task) => task.dueDate).filter((due) => due !== null)
  const iso = dues.filter((due) => typeof due === 'string')
  expect(iso.length / dues.length).toBeGreaterThan(0.12)
  expect(iso.length / dues.length).toBeLessThan(0.3)
  expect(iso.every((due) => !Number.isNaN(Date.parse(due)))).toBe(true)
  expect(share((task) => task.dueDate === null)).toBeCloseTo(0.15, 1)
  expect(tasks.every((task) => typeof task.status.createdAt === 'string')).toBe(true)
})

test('due dates are spread over overdue, today, the coming days and later', () => {
  const due = tasks.map((task) => instant(task.dueDate)).filter((value): value is number => value !== null)
  expect(due.filter((value) => value < today - 7 * DAY).length).toBeGreaterThan(50)
  expect(due.filter((value) => value < today && value >= today - 7 * DAY).length).toBeGreaterThan(50)
  const dueToday = due.filter((value) => value >= today && value < today + DAY)
  expect(dueToday.length).toBeGreaterThan(100)
  expect(new Set(dueToday.map((value) => new Date(value).getHours())).size).toBeGreaterThan(5)
  expect(due.filter((value) => value >= today + DAY && value < today + 8 * DAY).length).toBeGreaterThan(100)
  expect(due.filter((value) => value >= today + 8 * DAY).length).toBeGreaterThan(100)
})

test('each timeline holds together: created, started, finished, modified, none after now', () => {
  const prefixById = new Map(taskTypes.map((type) => [type._id, type.prefix]))
  for (const task of tasks) {
    const created = Date.parse(task.status.createdAt)
    const modified = Date.parse(task.status.lastModifiedAt)
    const started = instant(task.firstStartedAt)
    const finished = instant(task.firstTerminatedAt)
    expect(created).toBeGreaterThan(TEST_NOW - 200 * DAY)
    expect(modified).toBeGreaterThanOrEqual(created)
    expect(modified).toBeLessThanOrEqual(TEST_NOW)
    if (task.taskStatus === 'new' || task.taskStatus === null) expect(started).toBeNull()
    if (started !== null) expect(started).toBeGreaterThanOrEqual(created)
    if (task.taskStatus === 'completed') expect(finished).toBeGreaterThanOrEqual(started!)
    else expect(finished).toBeNull()
    expect(task.complaintCreatedAt !== null).toBe(prefixById.get(task.taskTypeId) === 'CMP')
  }
})

test('about 15% of tasks come from a recurring template, a few from a one-off one', () => {
  expect(share((task) => task.taskTemplate?.recurring === true)).toBeGreaterThan(0.12)
  expect(share((task) => task.taskTemplate?.recurring === true)).toBeLessThan(0.2)
  expect(tasks.some((task) => task.taskTemplate?.recurring === false)).toBe(true)
  const recurring = tasks.find((task) => task.taskTemplate?.recurring)!
  expect(recurring.title.startsWith(recurring.taskTemplate!.templateName)).toBe(true)
})

test('about 80% of tasks have an assignee who is a real user, named and pictured as that user', () => {
  expect(share((task) => task.assignee != null)).toBeCloseTo(0.8, 1)
  expect(tasks.some((task) => task.assignee === null)).toBe(true)
  expect(tasks.some((task) => !('assignee' in task))).toBe(true)
  const byId = new Map(users.map((user) => [user._id, user]))
  for (const task of tasks) {
    if (!task.assignee) continue
    const user = byId.get(task.assignee.entityId)!
    expect(task.assignee.name).toBe(`${user.general.firstName} ${user.general.lastName}`)
    expect('profilePicture' in task.assignee).toBe('profileImage' in user.general)
    if ('profileImage' in user.general) expect(task.assignee.profilePicture).toBe(user.general.profileImage)
  }
})

test('related entities point at the task customer and its objects', () => {
  expect(tasks.every((task) => task.related.customers.length === 1)).toBe(true)
  expect(tasks.every((task) => task.related.objects.length >= 1 && task.related.objects.length <= 2)).toBe(true)
  const customerIds = new Set(customers.map((customer) => customer._id))
  expect(tasks.every((task) => customerIds.has(task.related.customers[0]!.entityId))).toBe(true)
  for (const kind of ['contacts', 'users', 'assignments', 'invoices', 'equipment'] as const) {
    expect(
      tasks.some((task) => task.related[kind].length > 0),
      kind,
    ).toBe(true)
  }
})

test('titles are varied, in German and English', () => {
  expect(new Set(tasks.map((task) => task.title)).size).toBeGreaterThan(1500)
  expect(tasks.some((task) => task.title.startsWith('Heizung fällt aus'))).toBe(true)
  expect(tasks.some((task) => task.title.startsWith('Annual fire extinguisher inspection'))).toBe(true)
})

test('forty users; the first, self, is a dispatcher with every personal field set', () => {
  expect(users).toHaveLength(40)
  const [self] = users
  expect(data.self).toBe(self)
  expect(self!.tags).toContain('dispatcher')
  const { general, address, contract } = self!
  for (const value of [...Object.values(general), ...Object.values(address), ...Object.values(contract)]) {
    expect(value).toBeTruthy()
  }
  expect(contract.iban).toMatch(/^DE\d{2}( \d{4}){4} \d{2}$/)
  expect(general.profileImage).toBe(`/demo-avatars/${self!._id}.svg`)
})

test('pictures: most users have an avatar URL, five none, three an identifier that is no URL', () => {
  const pictures = users.map((user) => user.general.profileImage)
  expect(pictures.filter((picture) => picture?.startsWith('/demo-avatars/')).length).toBe(32)
  expect(users.filter((user) => user.general.profileImage === null).length).toBe(3)
  expect(users.filter((user) => !('profileImage' in user.general)).length).toBe(2)
  expect(pictures.filter((picture) => picture?.startsWith('img_')).length).toBe(3)
})

test('120 customers with unique names and numbers', () => {
  expect(customers).toHaveLength(120)
  expect(new Set(customers.map((customer) => customer.name)).size).toBe(120)
  expect(customers.map((customer) => customer.number)).toEqual(customers.map((_, index) => 10_001 + index))
})
