import { z } from 'zod/mini'

/** Why a figure is not a fresh exact count; the app server names it. */
export const COUNT_REASONS = ['counting', 'budget', 'rateLimited', 'unavailable'] as const

const count = z.number().check(z.int(), z.nonnegative())
const epochMs = z.number().check(z.nonnegative())
/** A reason this client does not know yet still marks the figure as not fresh. */
const reason = z.catch(z.enum(COUNT_REASONS), 'unavailable')

/** One count of `/app/counts`: exact (maybe kept from before, with a reason) or a lower bound. */
export const countSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('exact'), count, asOf: epochMs, reason: z.optional(reason) }),
  z.object({ state: z.literal('atLeast'), count, asOf: epochMs, reason }),
])
export type Count = z.infer<typeof countSchema>

export const countsAnswerSchema = z.object({ counts: z.array(countSchema) })

const assigneeSchema = z.object({
  id: z.string().check(z.minLength(1)),
  name: z.string(),
  profilePicture: z.nullable(z.string()),
})

export const workloadRowSchema = z.object({
  assignee: z.nullable(assigneeSchema),
  active: count,
  overdue: count,
  dueToday: count,
  dueThisWeek: count,
})
export type WorkloadRow = z.infer<typeof workloadRowSchema>

/** `/app/workload`: the active tasks of a filter set per assignee, Unassigned first. */
export const workloadSchema = z.object({
  asOf: epochMs,
  timeZone: z.string(),
  covered: count,
  truncated: z.boolean(),
  rows: z.array(workloadRowSchema),
  stale: z.optional(
    z.object({ reason: z.catch(z.enum(['rateLimited', 'unavailable']), 'unavailable'), message: z.string() }),
  ),
})
export type Workload = z.infer<typeof workloadSchema>
