import { z } from 'zod/mini'
import { TASK_STATUSES } from './schemas.ts'

/**
 * One change to one task, as the board sends it to the app server and the
 * server checks it. The board never sends a raw task body: it names the
 * field, the value it saw, the value it wants, and the `lastModifiedAt` it
 * saw, so the server can refuse to overwrite a colleague's newer change.
 */

/** What the board can change; each is off against a real API until `TASK_WRITES` names it. */
export const WRITE_OPERATIONS = ['assignee', 'priority', 'dueDate', 'status', 'complete'] as const
export type WriteOperation = (typeof WRITE_OPERATIONS)[number]

/** The priorities the vendor's create body allows; a task may hold others, but the board sets only these. */
export const WRITABLE_PRIORITIES = ['low', 'medium', 'high', 'urgent'] as const

/** The largest instant a Date holds. */
const MAX_DATE_MS = 8.64e15

const objectId = z.string().check(z.regex(/^[0-9a-f]{24}$/i, 'must be a 24-character hexadecimal id'))
const instant = z.int().check(z.minimum(-MAX_DATE_MS), z.maximum(MAX_DATE_MS))
/** What the board saw: a value of the API's loose shapes, kept as text (an unknown priority, a status). */
const seenText = z.nullable(z.string().check(z.maxLength(200)))
/** `status.lastModifiedAt` as the board saw it, epoch ms; null when the task had none. */
const seenModifiedAt = z.nullable(instant)

export const taskChangeSchema = z.discriminatedUnion('field', [
  z.strictObject({
    field: z.literal('assignee'),
    from: z.nullable(z.string()),
    to: z.nullable(objectId),
    seenModifiedAt,
  }),
  z.strictObject({ field: z.literal('priority'), from: seenText, to: z.enum(WRITABLE_PRIORITIES), seenModifiedAt }),
  z.strictObject({ field: z.literal('dueDate'), from: z.nullable(instant), to: z.nullable(instant), seenModifiedAt }),
  z.strictObject({ field: z.literal('status'), from: seenText, to: z.enum(TASK_STATUSES), seenModifiedAt }),
  z.strictObject({
    field: z.literal('complete'),
    /** The workflow state the board saw. */
    from: seenText,
    /** Mails the customer; only when the dispatcher asked, to the address they saw. */
    sendEmail: z.boolean(),
    recipientEmail: z.optional(z.string().check(z.regex(/^[^\s@]+@[^\s@]+$/, 'must be an e-mail address'))),
    seenModifiedAt,
  }),
])
export type TaskChange = z.infer<typeof taskChangeSchema>

/** How a change ended; the same words name it in the change log. */
export const CHANGE_OUTCOMES = ['applied', 'conflict', 'ignored', 'refused', 'failed'] as const
export type ChangeOutcome = (typeof CHANGE_OUTCOMES)[number]

/** The value a change sets, in the shape `from` has, for comparing with what the API holds. */
export function targetOf(change: TaskChange): string | number | null {
  return change.field === 'complete' ? 'completed' : change.to
}
