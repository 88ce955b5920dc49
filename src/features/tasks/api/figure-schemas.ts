import { z } from 'zod/mini'

// Built only from the zod/mini parts the row schemas (schemas.ts) already use: zod sits in the
// first download, and every other part used anywhere would join it there, lazy caller or not.

/** A value `read` accepts (it returns undefined for anything else, which fails the parse). */
function checked<T>(expected: string, read: (value: unknown) => T | undefined) {
  return z.pipe(
    z.optional(z.unknown()),
    z.transform((value: unknown, payload) => {
      const result = read(value)
      if (result === undefined) payload.issues.push({ code: 'custom', message: `expected ${expected}`, input: value })
      return result as T
    }),
  )
}

const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0
const count = checked('a count', (value) => (isCount(value) ? value : undefined))
const epochMs = count

/** Why a figure is not a fresh exact count; the app server names it. */
export const COUNT_REASONS = ['counting', 'budget', 'rateLimited', 'unavailable'] as const
export type CountReason = (typeof COUNT_REASONS)[number]
/** A reason this client does not know yet still marks the figure as not fresh. */
const toReason = (value: unknown): CountReason => COUNT_REASONS.find((reason) => reason === value) ?? 'unavailable'

/** One count of `/app/counts`: exact (maybe kept from before, with a reason), or a lower bound. */
export type Count =
  | { state: 'exact'; count: number; asOf: number; reason?: CountReason }
  | { state: 'atLeast'; count: number; asOf: number; reason: CountReason }

const countFields = z.object({ state: z.string(), count, asOf: epochMs, reason: z.optional(z.unknown()) })

export const countSchema = checked<Count>('a count answer', (value) => {
  const parsed = countFields.safeParse(value)
  if (!parsed.success) return undefined
  const { state, count: number, asOf, reason } = parsed.data
  if (state === 'atLeast') return { state, count: number, asOf, reason: toReason(reason) }
  if (state !== 'exact') return undefined
  return reason === undefined
    ? { state, count: number, asOf }
    : { state, count: number, asOf, reason: toReason(reason) }
})

/** A list whose every item is `schema`'s. */
function listOf<T>(schema: { safeParse: (value: unknown) => { success: true; data: T } | { success: false } }) {
  return checked<T[]>('a list', (value) => {
    if (!Array.isArray(value)) return undefined
    const items: T[] = []
    for (const item of value) {
      const parsed = schema.safeParse(item)
      if (!parsed.success) return undefined
      items.push(parsed.data)
    }
    return items
  })
}

export const countsAnswerSchema = z.object({ counts: listOf(countSchema) })

/** A value of `schema`, or null when it is null or absent. */
function orNull<S extends z.ZodMiniType>(schema: S) {
  return z.pipe(
    z.nullish(schema),
    z.transform((value: z.output<S> | null | undefined) => value ?? null),
  )
}

const assigneeSchema = z.object({
  id: z.string().check(z.minLength(1)),
  name: z.string(),
  profilePicture: orNull(z.string()),
})

export const workloadRowSchema = z.object({
  assignee: orNull(assigneeSchema),
  active: count,
  overdue: count,
  dueToday: count,
  dueThisWeek: count,
})
export type WorkloadRow = z.infer<typeof workloadRowSchema>

const staleSchema = z.object({ reason: z.string(), message: z.string() })

/** `/app/workload`: the active tasks of a filter set per assignee, Unassigned first. */
export const workloadSchema = z.object({
  asOf: epochMs,
  timeZone: z.string(),
  covered: count,
  truncated: z.boolean(),
  rows: listOf(workloadRowSchema),
  stale: z.optional(
    z.pipe(
      staleSchema,
      z.transform(({ reason, message }) => ({
        reason: reason === 'rateLimited' ? ('rateLimited' as const) : ('unavailable' as const),
        message,
      })),
    ),
  ),
})
export type Workload = z.infer<typeof workloadSchema>

const flag = checked('true or false', (value) => (typeof value === 'boolean' ? value : undefined))

/**
 * What changed in a filter set since a moment (`/app/changes`): tasks made
 * since (`new`), others changed since (`changed`), and whether more may
 * have changed than were read (`more`); null when the server could not say.
 */
export type Changes = { new: number; changed: number; more: boolean; asOf: number } | null

const changesFields = z.object({ state: z.string(), new: count, changed: count, more: flag, asOf: epochMs })

export const changesSchema = checked<Changes>('a changes answer', (value) => {
  if ((value as { state?: unknown } | null)?.state === 'unknown') return null
  const parsed = changesFields.safeParse(value)
  if (!parsed.success || parsed.data.state !== 'known') return undefined
  const { new: made, changed, more, asOf } = parsed.data
  return { new: made, changed, more, asOf }
})

export const changesAnswerSchema = z.object({ changes: listOf(changesSchema) })
