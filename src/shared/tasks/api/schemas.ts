import { displayText } from '../../display-text.ts'
import { z } from 'zod/mini'
import {
  intact,
  lenient,
  readableInteger,
  readableList,
  readableObject,
  readableStrings,
  readableText,
} from './readable-fields.ts'
import type { Unreadable } from './unreadable.ts'

// The app's CSP forbids eval. zod/mini's objects never compile parsers with
// `new Function`, but classic zod's do unless `jitless` was set before they
// were built; the flag keeps that true whichever build a schema comes from.
// zod/mini ships no messages by default (only "Invalid input"); English keeps
// the reasons for skipped rows saying what was expected and what arrived.
z.config({ jitless: true, ...z.locales.en() })

/** Workflow states the vendor documents; a server may still send others. */
export const TASK_STATUSES = ['new', 'open', 'in_progress', 'in_review', 'completed', 'cancelled'] as const
export type KnownTaskStatus = (typeof TASK_STATUSES)[number]

/**
 * Epoch values below this are taken as seconds, not milliseconds: 1e11 ms is
 * March 1973, 1e11 s is far in the future, so nothing real is misread.
 */
const EPOCH_SECONDS_BELOW = 1e11
/** The largest instant a Date can hold; beyond it Intl and toISOString throw. */
const MAX_DATE_MS = 8.64e15

/**
 * Reads a timestamp the API types as "any": epoch milliseconds (mostly), an
 * ISO string, or null. Anything else becomes null ("no date"), never an error.
 */
export function parseTimestamp(value: unknown): number | null {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null
    const ms = Math.abs(value) < EPOCH_SECONDS_BELOW ? value * 1000 : value
    return Math.abs(ms) <= MAX_DATE_MS ? ms : null
  }
  if (typeof value === 'string') {
    const trimmed = value.trim()
    if (trimmed === '') return null
    if (/^-?\d+(\.\d+)?$/.test(trimmed)) return parseTimestamp(Number(trimmed))
    const parsed = Date.parse(trimmed)
    return Number.isNaN(parsed) ? null : parsed
  }
  return null
}

/** A value of `schema`, or null when it is null or absent. */
function orNull<S extends z.ZodMiniType>(schema: S) {
  return z.pipe(
    z.nullish(schema),
    z.transform((value: z.output<S> | null | undefined) => value ?? null),
  )
}

/** A string the board shows, as it shows it (`displayText`). */
const shownString = z.pipe(z.string(), z.transform(displayText))

/** An empty id cannot key a row. */
const id = z.string().check(z.minLength(1))

/**
 * Timestamp in epoch ms, or null. A value that cannot be a date (an object,
 * the server's marker) fails the row: a task is not shown with dates it lost.
 */
export const timestamp = z.pipe(
  z.optional(
    z
      .unknown()
      .check(
        z.refine((value) => value === null || typeof value === 'string' || typeof value === 'number', 'not a date'),
      ),
  ),
  z.transform(parseTimestamp),
)

/** A string, or null for anything else: decorative text must not sink a row. */
const text = lenient((value) => (typeof value === 'string' ? displayText(value) : null))

/** An entity related to a task (user, object, customer …). */
export const relatedEntitySchema = z.object({
  entityId: z.string(),
  name: readableText,
  /** A URL or an identifier: not always something an <img> can load. */
  profilePicture: text,
})
export type RelatedEntity = z.infer<typeof relatedEntitySchema>

/** Broken entries are unreadable entries; the rest of the list stays. */
const relatedList = readableList(relatedEntitySchema)

export const RELATED_KINDS = [
  'customers',
  'objects',
  'contacts',
  'users',
  'assignments',
  'invoices',
  'equipment',
] as const
export type RelatedKind = (typeof RELATED_KINDS)[number]

const relatedSchema = lenient((value) => {
  const source = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {}
  const result = {} as Record<RelatedKind, (RelatedEntity | Unreadable)[]>
  for (const kind of RELATED_KINDS) result[kind] = relatedList.parse(source[kind])
  return result
})

// The row's dates live here: the server's marker in its place is a row that cannot be shown.
const entityStatusSchema = intact(
  z.object({
    status: lenient((value) => (typeof value === 'number' ? value : null)),
    createdAt: timestamp,
    createdBy: readableText,
    lastModifiedAt: timestamp,
    lastModifiedBy: readableText,
  }),
)

const taskTemplateSchema = readableObject(
  z.object({
    entityId: text,
    templateName: readableText,
    recurring: lenient((recurring) => recurring === true),
  }),
)

const integerOrNull = lenient((value) => (typeof value === 'number' && Number.isInteger(value) ? value : null))

/**
 * One task as the board uses it. Only `_id`, the `status` object and the
 * dates are required to be readable: without them a row cannot be keyed or
 * dated. Everything else is read leniently — unknown `taskStatus` and
 * `priority` strings are kept as they are, a value of the wrong kind becomes
 * `Unreadable` (shown as such, never as empty) — so schema drift in one
 * field marks that field, not the task.
 */
export const taskSchema = z.object({
  _id: id,
  number: readableInteger,
  identifierNumber: readableInteger,
  title: readableText,
  taskStatus: readableText,
  taskTypeId: readableText,
  taskTemplate: taskTemplateSchema,
  description: readableText,
  contactPerson: readableText,
  email: readableText,
  telephone: readableText,
  assignee: readableObject(relatedEntitySchema),
  dueDate: timestamp,
  firstStartedAt: timestamp,
  firstTerminatedAt: timestamp,
  complaintCreatedAt: timestamp,
  tags: readableStrings,
  priority: readableText,
  related: relatedSchema,
  documentIds: readableStrings,
  callId: readableText,
  completionResponse: readableText,
  status: entityStatusSchema,
})
export type Task = z.infer<typeof taskSchema>

export const taskTypeSchema = z.object({
  _id: id,
  name: orNull(shownString),
  prefix: orNull(shownString),
  color: text,
})
export type TaskType = z.infer<typeof taskTypeSchema>

/**
 * A user as the board needs it: id, name and picture. The API's user object
 * carries much personal data; none of it is read here.
 */
export const userSchema = z.pipe(
  z.object({
    _id: id,
    general: z.catch(
      z.object({
        firstName: text,
        lastName: text,
        profileImage: text,
      }),
      { firstName: null, lastName: null, profileImage: null },
    ),
  }),
  z.transform(({ _id, general }) => ({
    id: _id,
    firstName: general.firstName,
    lastName: general.lastName,
    name: [general.firstName, general.lastName].filter(Boolean).join(' ') || null,
    picture: general.profileImage,
  })),
)
export type User = z.infer<typeof userSchema>

export const customerSchema = z.object({
  _id: id,
  number: integerOrNull,
  name: text,
})
export type Customer = z.infer<typeof customerSchema>
