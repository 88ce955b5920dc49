import type { z } from 'zod/mini'
import { ApiError, type JsonKind, type ListName } from '../../../shared/api-error.ts'

export interface SkippedRows {
  /** How many rows failed their schema. */
  count: number
  /** Why the first of them failed, in words an engineer can act on. */
  firstReason: string | null
}

export interface ParsedRows<T> {
  rows: T[]
  skipped: SkippedRows
}

/**
 * Parses a list response row by row: rows that fail the schema are counted
 * and left out, rows repeated within the body (same `_id`, which the live API
 * produces when sort keys tie) appear once. Throws `unexpected-shape` when the
 * body is not an array, or when it had rows and none could be read — that is
 * a broken response, not an empty list.
 */
export function parseRows<S extends z.ZodMiniType<{ _id: string } | { id: string }>>(
  body: unknown,
  schema: S,
  what: ListName,
): ParsedRows<z.output<S>> {
  const steps = parseSteps(body, schema, what)
  let step = steps.next()
  while (!step.done) step = steps.next()
  return step.value
}

/** Rows checked between two chances for the browser to paint or handle input. */
const SLICE = 200

/** Rows read so far; `complete` once they are all of the body's. */
export interface RowSlice<T> extends ParsedRows<T> {
  complete: boolean
}

/**
 * `parseRows` as the rows are read, giving the browser its turn every 200
 * rows: checking a 1,000-row page is then several short tasks instead of
 * one long one, so the page stays responsive while it runs.
 *
 * With `first`, a longer body first yields what it could read of its first
 * `first` rows (of more, when none of those can be shown), then reads on
 * when asked for the next slice. It always ends with every row, `complete`;
 * it throws where `parseRows` throws, before yielding anything.
 */
export async function* parseRowsInSlices<S extends z.ZodMiniType<{ _id: string } | { id: string }>>(
  body: unknown,
  schema: S,
  what: ListName,
  first?: number,
): AsyncGenerator<RowSlice<z.output<S>>, void, undefined> {
  const steps = parseSteps(body, schema, what, first)
  let step = steps.next()
  let handedOver = first === undefined
  while (!step.done) {
    if (!handedOver && step.value.rows.length > 0) {
      handedOver = true
      yield { rows: [...step.value.rows], skipped: { ...step.value.skipped }, complete: false }
    } else {
      await yieldToBrowser()
    }
    step = steps.next()
  }
  yield { ...step.value, complete: true }
}

/** Yields the rows read so far after the first `first` rows (when given) and every SLICE rows. */
function* parseSteps<S extends z.ZodMiniType<{ _id: string } | { id: string }>>(
  body: unknown,
  schema: S,
  what: ListName,
  first?: number,
): Generator<ParsedRows<z.output<S>>, ParsedRows<z.output<S>>> {
  if (!Array.isArray(body)) {
    throw new ApiError({
      kind: 'unexpected-shape',
      reason: { code: 'not-a-list', found: jsonKind(body), what },
    })
  }
  const rows: z.output<S>[] = []
  const seen = new Set<string>()
  let count = 0
  let firstReason: string | null = null
  for (const [index, item] of body.entries()) {
    if (index > 0 && (index === first || index % SLICE === 0)) yield { rows, skipped: { count, firstReason } }
    const parsed = schema.safeParse(item)
    if (!parsed.success) {
      count += 1
      firstReason ??= `Row ${index + 1}: ${formatIssue(parsed.error)}`
      continue
    }
    const key = keyOf(parsed.data)
    if (seen.has(key)) continue
    seen.add(key)
    rows.push(parsed.data)
  }
  if (body.length > 0 && rows.length === 0) {
    throw new ApiError({
      kind: 'unexpected-shape',
      reason: { code: 'no-readable-rows', count: body.length, what },
      details: firstReason ? [firstReason] : [],
    })
  }
  return { rows, skipped: { count, firstReason } }
}

/** A macrotask boundary: `scheduler.yield()` where the browser has it (it keeps this task's priority). */
function yieldToBrowser(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler
  if (scheduler?.yield) return scheduler.yield()
  return new Promise((resolve) => setTimeout(resolve, 0))
}

function keyOf(row: { _id: string } | { id: string }): string {
  return '_id' in row ? row._id : row.id
}

function formatIssue(error: z.core.$ZodError): string {
  const issue = error.issues[0]
  if (!issue) return 'unreadable'
  const path = issue.path.length > 0 ? issue.path.join('.') : 'row'
  return `${path}: ${issue.message}`
}

function jsonKind(body: unknown): JsonKind {
  if (body === null) return 'null'
  if (Array.isArray(body)) return 'list'
  if (typeof body === 'string') return 'string'
  if (typeof body === 'number') return 'number'
  if (typeof body === 'boolean') return 'boolean'
  return 'object'
}
