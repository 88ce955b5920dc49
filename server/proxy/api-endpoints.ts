import type { FieldShape, ObjectShape } from './field-shape.ts'

/** `assignee` and every `related.*` entry. */
const relatedEntity: ObjectShape = { entityId: 'string', name: 'string', profilePicture: 'picture' }

const RELATED_KINDS = ['customers', 'objects', 'contacts', 'users', 'assignments', 'invoices', 'equipment']

/** Every field the board's list, cells and task panel read; nothing else of a task leaves the server. */
const task: ObjectShape = {
  _id: 'string',
  number: 'number',
  identifierNumber: 'number',
  title: 'string',
  taskStatus: 'string',
  taskTypeId: 'string',
  taskTemplate: { entityId: 'string', templateName: 'string', recurring: 'boolean' },
  description: 'string',
  contactPerson: 'string',
  email: 'string',
  telephone: 'string',
  assignee: relatedEntity,
  dueDate: 'timestamp',
  firstStartedAt: 'timestamp',
  firstTerminatedAt: 'timestamp',
  complaintCreatedAt: 'timestamp',
  tags: ['string'],
  priority: 'string',
  related: Object.fromEntries(RELATED_KINDS.map((kind) => [kind, [relatedEntity]])),
  documentIds: ['string'],
  callId: 'string',
  completionResponse: 'string',
  status: {
    status: 'number',
    createdAt: 'timestamp',
    createdBy: 'string',
    lastModifiedAt: 'timestamp',
    lastModifiedBy: 'string',
  },
}

/** User objects carry insurance numbers, birth dates, addresses and contracts; the board shows names and pictures. */
const user: ObjectShape = {
  _id: 'string',
  general: { firstName: 'string', lastName: 'string', profileImage: 'picture' },
}

const taskType: ObjectShape = { _id: 'string', name: 'string', prefix: 'string', color: 'string' }

/** Customers carry contact people, addresses and bank details; the filter shows number and name. */
const customer: ObjectShape = { _id: 'string', number: 'number', name: 'string' }

export interface ApiEndpoint {
  /** Matched against the exact path that is sent upstream. */
  path: RegExp
  /** What the answer must be: a list of `shape`, or one. */
  answer: 'list' | 'one'
  shape: FieldShape
  /** Says, in the 502 message, what the board expected. */
  noun: string
}

/**
 * The read endpoints the board uses, relative to the API base, and what of
 * each answer goes through. Everything else is refused by the app server,
 * whatever the upstream would allow.
 */
export const API_ENDPOINTS: readonly ApiEndpoint[] = [
  { path: /^\/tasks\/?$/, answer: 'list', shape: task, noun: 'task list' },
  // Task ids are MongoDB ObjectIds; nothing else may reach the upstream as an id.
  { path: /^\/tasks\/[0-9a-f]{24}$/i, answer: 'one', shape: task, noun: 'task' },
  { path: /^\/taskTypes\/?$/, answer: 'list', shape: taskType, noun: 'task type list' },
  { path: /^\/users\/?$/, answer: 'list', shape: user, noun: 'user list' },
  { path: /^\/users\/self$/, answer: 'one', shape: user, noun: 'user' },
  { path: /^\/customers\/?$/, answer: 'list', shape: customer, noun: 'customer list' },
]

export function findApiEndpoint(path: string): ApiEndpoint | undefined {
  return API_ENDPOINTS.find((endpoint) => endpoint.path.test(path))
}
