import { DAY } from './clock.ts'
import { generateCustomers, type CustomerAccount } from './customers-data.ts'
import type { DemoCustomer, DemoTask, DemoTaskType, DemoUser } from './entities.ts'
import { createRandom, deriveSeed, randomObjectId, type Random } from './random.ts'
import { TASK_TYPES } from './task-catalog.ts'
import { generateTasks } from './tasks-data.ts'
import { generateUsers } from './users-data.ts'

export interface DemoDataOptions {
  seed: number
  /** Epoch ms that "today" and every age is relative to. */
  now: number
  taskCount: number
}

export interface DemoData {
  taskTypes: DemoTaskType[]
  /** The first is `self`, the dispatcher the demo key belongs to. */
  users: DemoUser[]
  self: DemoUser
  customers: DemoCustomer[]
  tasks: DemoTask[]
}

/**
 * Everything the demo API serves, from the seed alone. Each kind of data
 * draws from its own stream, so changing the number of tasks leaves users,
 * customers and task types (and their ids) as they were.
 */
export function generateDemoData({ seed, now, taskCount }: DemoDataOptions): DemoData {
  const stream = (label: string) => createRandom(deriveSeed(seed, label))
  const companyId = randomObjectId(stream('company'))
  const users = generateUsers(stream('users'), now, companyId)
  const self = users[0]
  if (!self) throw new Error('The demo needs at least one user')
  const staffIds = users.map((user) => user._id)
  const taskTypes = generateTaskTypes(stream('task-types'), now, self._id)
  const accounts: CustomerAccount[] = generateCustomers(stream('customers'), now, staffIds)
  const tasks = generateTasks({
    count: taskCount,
    now,
    companyId,
    taskTypes,
    users,
    accounts,
    random: stream('tasks'),
    idRandom: stream('task-ids'),
  })
  return { taskTypes, users, self, customers: accounts.map((account) => account.customer), tasks }
}

function generateTaskTypes(random: Random, now: number, adminId: string): DemoTaskType[] {
  return TASK_TYPES.map(({ prefix, name, color, svg, isDefault }) => {
    const createdAt = now - random.int(400, 900) * DAY
    return {
      _id: randomObjectId(random),
      name,
      prefix,
      color,
      svg,
      isDefault,
      status: {
        status: 1,
        createdAt: new Date(createdAt).toISOString(),
        createdBy: adminId,
        lastModifiedAt: new Date(createdAt + random.int(1, 300) * DAY).toISOString(),
        lastModifiedBy: adminId,
      },
    }
  })
}
