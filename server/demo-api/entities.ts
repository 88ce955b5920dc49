/**
 * The shapes the demo API serves, as the vendor documents them. Optional
 * keys are left out of the JSON entirely, as the live API does for fields a
 * document never had.
 */

/** Every entity's own record-keeping; `status` is not the task workflow. */
export interface EntityStatus {
  /** 1 active, 2 archived. */
  status: number
  createdAt: string
  createdBy: string
  lastModifiedAt: string
  lastModifiedBy: string
}

/** An entity a task points at: user, object, customer, contact … */
export interface RelatedEntity {
  entityId: string
  name: string
  /** A URL or an identifier that is no URL; absent when there is none. */
  profilePicture?: string | null
}

/** The API types these as "any": epoch milliseconds mostly, ISO strings too, or null. */
export type LooseTimestamp = number | string | null

export interface DemoTaskType {
  _id: string
  name: string
  prefix: string
  color: string
  svg: string | null
  isDefault: boolean
  status: EntityStatus
}

/** The type summary a task embeds. */
export type EmbeddedTaskType = Pick<DemoTaskType, '_id' | 'name' | 'prefix' | 'color'>

export interface DemoUser {
  _id: string
  /** As on the live API: the company whose data the user's key sees. */
  companyId: string
  general: {
    firstName: string
    lastName: string
    profileImage?: string | null
    email: string
    birthDate: string
    insuranceNumber: string
    phone: string
  }
  address: { street: string; zip: string; city: string; country: string }
  contract: { type: string; weeklyHours: number; hourlyWage: number; iban: string; startDate: string }
  tags: string[]
  status: EntityStatus
}

export interface DemoCustomer {
  _id: string
  number: number
  name: string
  contactPerson: string
  email: string
  telephone: string
  address: { street: string; zip: string; city: string; country: string }
  status: EntityStatus
}

/** Read-only: generated tasks share their lists and entities, and no request may change them. */
export interface TaskRelations {
  customers: readonly RelatedEntity[]
  objects: readonly RelatedEntity[]
  contacts: readonly RelatedEntity[]
  users: readonly RelatedEntity[]
  assignments: readonly RelatedEntity[]
  invoices: readonly RelatedEntity[]
  equipment: readonly RelatedEntity[]
}

export interface DemoTask {
  status: EntityStatus
  title: string
  identifierNumber: number
  _id: string
  number: number
  companyId: string
  chatId: string | null
  /** A workflow state; null and unknown strings occur as on the live API. */
  taskStatus: string | null
  taskType: EmbeddedTaskType | null
  taskTypeId: string
  taskTemplate?: { entityId: string; templateName: string; recurring: boolean }
  description: string | null
  contactPerson: string | null
  email: string | null
  telephone: string | null
  assignee?: RelatedEntity | null
  dueDate: LooseTimestamp
  firstStartedAt: LooseTimestamp
  firstTerminatedAt: LooseTimestamp
  complaintCreatedAt: LooseTimestamp
  tags: readonly string[]
  /** A free string: mostly low/medium/high/urgent, sometimes something else, sometimes absent. */
  priority?: string
  related: TaskRelations
  documentIds: readonly string[]
  callId?: string
  completionResponse: string | null
}
