import type { CustomerAccount, CustomerObject } from './customers-data.ts'
import type { DemoTask, DemoTaskType, DemoUser, EmbeddedTaskType, RelatedEntity } from './entities.ts'
import { looseTimestamp, taskTimes } from './task-timeline.ts'
import { startOfLocalDay } from './clock.ts'
import { randomObjectId, type Random } from './random.ts'
import {
  ASSIGNED_SHARE,
  CONTACT_COUNT_WEIGHTS,
  DOCUMENT_COUNT_WEIGHTS,
  equipmentCount,
  invoice,
  NONE,
  orNone,
  pickPriority,
  SKILLS_BY_PREFIX,
  TAG_COUNT_WEIGHTS,
  TASK_STATUS_WEIGHTS,
} from './task-draws.ts'
import {
  COMPLETION_RESPONSES,
  DESCRIPTION_LINES,
  ONE_OFF_TEMPLATES,
  RECURRING_TEMPLATES,
  TASK_TYPES,
  type TaskTypeDefinition,
} from './task-catalog.ts'
import { toRelatedUser } from './users-data.ts'
import { BUILDING_PARTS, FLOORS, OFFICE_STAFF_COUNT, TASK_TAGS } from './word-lists.ts'

export interface TaskGenerationInput {
  count: number
  now: number
  companyId: string
  taskTypes: readonly DemoTaskType[]
  users: readonly DemoUser[]
  accounts: readonly CustomerAccount[]
  /** Draws everything but the task ids. */
  random: Random
  /**
   * Draws only the task ids, one per task in generation order, so a task
   * keeps its id when the clock moves on (deep links survive a restart).
   */
  idRandom: Random
}

/** The first identifier number of every task type, as a company that migrated from paper might have. */
const FIRST_IDENTIFIER_NUMBER = 1001

/**
 * Tasks as a dispatcher's back office holds them: created over the last
 * half year, in every workflow state, due in the past, today, soon or never,
 * with timestamps in the mixed shapes of the live API. `number` counts up in
 * creation order, `identifierNumber` per task type.
 */
export function generateTasks(input: TaskGenerationInput): DemoTask[] {
  const context = createContext(input)
  const generated = Array.from({ length: input.count }, () => generateTask(context))
  const order = generated.map((_, index) => index)
  order.sort((a, b) => generated[a]!.createdAt - generated[b]!.createdAt || a - b)
  const counters = new Map<string, number>()
  return order.map((generatedIndex, position) => {
    const { task } = generated[generatedIndex]!
    task.number = position + 1
    const next = counters.get(task.taskTypeId) ?? FIRST_IDENTIFIER_NUMBER
    task.identifierNumber = next
    counters.set(task.taskTypeId, next + 1)
    return task
  })
}

interface TypeEntry {
  type: DemoTaskType
  /** The summary tasks embed, one object shared by all tasks of the type. */
  embedded: EmbeddedTaskType
  definition: TaskTypeDefinition
  recurringTemplates: readonly Template[]
  oneOffTemplates: readonly Template[]
}

interface Template {
  entityId: string
  name: string
}

interface Context {
  input: TaskGenerationInput
  random: Random
  /** Now, and midnight of today, that every time is relative to. */
  clock: { now: number; today: number }
  typeWeights: readonly (readonly [TypeEntry, number])[]
  office: readonly DemoUser[]
  field: readonly DemoUser[]
  fieldBySkill: ReadonlyMap<string, readonly DemoUser[]>
  /** The one reference object per user that every task naming the user shares. */
  relatedUser: (user: DemoUser) => RelatedEntity
  /** Descriptions are drawn from a pool: text written per task would be most of the memory. */
  descriptions: readonly string[]
  callIds: readonly string[]
}

function createContext(input: TaskGenerationInput): Context {
  const { random, users, taskTypes } = input
  const templatesFor = (templates: readonly { name: string; prefix: string }[], prefix: string) =>
    templates
      .filter((template) => template.prefix === prefix)
      .map(({ name }) => ({ name, entityId: randomObjectId(random) }))
  const typeWeights = TASK_TYPES.map((definition) => {
    const type = taskTypes.find((candidate) => candidate.prefix === definition.prefix)
    if (!type) throw new Error(`No task type with prefix ${definition.prefix}`)
    const entry: TypeEntry = {
      type,
      embedded: { _id: type._id, name: type.name, prefix: type.prefix, color: type.color },
      definition,
      recurringTemplates: templatesFor(RECURRING_TEMPLATES, definition.prefix),
      oneOffTemplates: templatesFor(ONE_OFF_TEMPLATES, definition.prefix),
    }
    return [entry, definition.weight] as const
  })
  const field = users.slice(OFFICE_STAFF_COUNT)
  const fieldBySkill = new Map<string, DemoUser[]>()
  for (const user of field) {
    for (const tag of user.tags) fieldBySkill.set(tag, [...(fieldBySkill.get(tag) ?? []), user])
  }
  const relatedUsers = new Map(users.map((user) => [user, toRelatedUser(user)]))
  return {
    input,
    random,
    clock: { now: input.now, today: startOfLocalDay(input.now) },
    typeWeights,
    office: users.slice(0, OFFICE_STAFF_COUNT),
    field,
    fieldBySkill,
    relatedUser: (user) => relatedUsers.get(user) ?? toRelatedUser(user),
    descriptions: Array.from({ length: 400 }, () => random.sample(DESCRIPTION_LINES, random.int(1, 4)).join('\n')),
    // Several tasks can come from one phone call.
    callIds: Array.from({ length: Math.max(10, Math.ceil(input.count / 6)) }, () => randomObjectId(random)),
  }
}

function generateTask(context: Context): { task: DemoTask; createdAt: number } {
  const { random, input } = context
  const _id = randomObjectId(input.idRandom)
  const typeEntry = random.weighted(context.typeWeights)
  const { type, embedded, definition } = typeEntry
  const template = pickTemplate(random, typeEntry)
  const account = random.pick(input.accounts)
  const objects = random.sample(account.objects, random.chance(0.15) ? 2 : 1)
  const mainObject = objects[0] as CustomerObject
  const title = template
    ? `${template.name} ${mainObject.site}`
    : random.pick(definition.titles)({
        site: mainObject.site,
        part: random.pick(BUILDING_PARTS),
        floor: random.pick(FLOORS),
        unit: random.int(1, 48),
        room: random.int(1, 320),
      })
  const taskStatus = random.weighted(TASK_STATUS_WEIGHTS)
  const times = taskTimes(random, context.clock, taskStatus, type.prefix === 'CMP')
  const assignee = random.chance(ASSIGNED_SHARE[taskStatus ?? ''] ?? 0.8) ? pickAssignee(context, type.prefix) : null
  const contacts = random.sample(account.contacts, random.weighted(CONTACT_COUNT_WEIGHTS))
  const firstContact = contacts[0]
  const completed = taskStatus === 'completed'

  // Keys are added one by one in the order of the vendor's documentation.
  // Optional ones are left out entirely (not null) when a task never had
  // them, as the live API does; adding keys in a fixed order (rather than
  // spreading) also keeps a hundred thousand tasks cheap for the engine.
  const task = {
    status: {
      status: random.chance(0.01) ? 2 : 1,
      createdAt: new Date(times.createdAt).toISOString(),
      createdBy: random.pick(context.office)._id,
      lastModifiedAt: new Date(times.lastModifiedAt).toISOString(),
      lastModifiedBy: (assignee && random.chance(0.6) ? assignee : random.pick(context.office))._id,
    },
    title,
    // Both numbers count in creation order; generateTasks sets them once all tasks exist.
    identifierNumber: 0,
    _id,
    number: 0,
    companyId: input.companyId,
    chatId: random.chance(0.6) ? randomObjectId(random) : null,
    taskStatus,
    taskType: random.chance(0.9) ? embedded : null,
    taskTypeId: type._id,
  } as DemoTask
  if (template) {
    task.taskTemplate = { entityId: template.entityId, templateName: template.name, recurring: template.recurring }
  }
  task.description = random.chance(0.85) ? random.pick(context.descriptions) : null
  task.contactPerson = random.chance(0.8) ? (firstContact?.entity.name ?? account.customer.contactPerson) : null
  task.email = random.chance(0.7) ? (firstContact?.email ?? account.customer.email) : null
  task.telephone = random.chance(0.65) ? (firstContact?.telephone ?? account.customer.telephone) : null
  // Unassigned tasks carry `assignee: null` or no key at all; the live API sends both.
  if (assignee) task.assignee = context.relatedUser(assignee)
  else if (random.chance(0.4)) task.assignee = null
  task.dueDate = looseTimestamp(random, times.dueDate)
  task.firstStartedAt = looseTimestamp(random, times.firstStartedAt)
  task.firstTerminatedAt = looseTimestamp(random, times.firstTerminatedAt)
  task.complaintCreatedAt = looseTimestamp(random, times.complaintCreatedAt)
  task.tags = orNone(random.sample(TASK_TAGS, random.weighted(TAG_COUNT_WEIGHTS)))
  const priority = pickPriority(random)
  if (priority !== undefined) task.priority = priority
  task.related = {
    customers: account.entityList,
    objects: objects.length === 1 ? mainObject.entityList : objects.map((object) => object.entity),
    contacts: orNone(contacts.map((contact) => contact.entity)),
    users: random.chance(0.2) ? [context.relatedUser(random.pick(context.field))] : NONE,
    assignments: random.chance(0.4) ? [random.pick(account.assignments)] : NONE,
    invoices: completed && random.chance(0.5) ? [invoice(random, times.createdAt)] : NONE,
    equipment: orNone(random.sample(mainObject.equipment, equipmentCount(random, type.prefix))),
  }
  const documentIds: string[] = []
  for (let count = random.weighted(DOCUMENT_COUNT_WEIGHTS); count > 0; count -= 1)
    documentIds.push(randomObjectId(random))
  task.documentIds = orNone(documentIds)
  if (random.chance(0.25)) task.callId = random.pick(context.callIds)
  task.completionResponse = completed && random.chance(0.9) ? random.pick(COMPLETION_RESPONSES) : null
  return { task, createdAt: times.createdAt }
}

function pickTemplate(
  random: Random,
  { type, recurringTemplates, oneOffTemplates }: TypeEntry,
): (Template & { recurring: boolean }) | undefined {
  // Every recurring-maintenance task comes from a schedule; some inspections do too.
  if (recurringTemplates.length > 0 && (type.prefix === 'REC' || random.chance(0.25))) {
    return { ...random.pick(recurringTemplates), recurring: true }
  }
  if (oneOffTemplates.length > 0 && random.chance(0.05)) return { ...random.pick(oneOffTemplates), recurring: false }
  return undefined
}

function pickAssignee(context: Context, prefix: string): DemoUser {
  const { random } = context
  const skills = SKILLS_BY_PREFIX[prefix]
  if (skills && random.chance(0.75)) {
    const skilled = context.fieldBySkill.get(random.pick(skills))
    if (skilled && skilled.length > 0) return random.pick(skilled)
  }
  return random.pick(context.field)
}
