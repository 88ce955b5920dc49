import { z } from 'zod'
import { formatCanonicalBoardQuery } from './canonical-board-query.ts'
import { COLUMN_MIN_REM, isResizableColumn, MAX_COLUMN_WIDTH_REM } from './column-widths.ts'

/** Longer than any URL proxies accept in full; a view's query beyond this is no view anyone built. */
export const MAX_VIEW_QUERY_LENGTH = 4000

// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/

const name = z
  .string()
  .trim()
  .min(1, 'A view needs a name.')
  .max(80, 'A view name has at most 80 characters.')
  .refine((value) => !CONTROL_CHARACTERS.test(value), 'A view name cannot contain control characters.')

/** Saved canonical, whatever form the board sent it in. */
const query = z
  .string()
  .max(MAX_VIEW_QUERY_LENGTH, `A view's query has at most ${MAX_VIEW_QUERY_LENGTH} characters.`)
  .transform(formatCanonicalBoardQuery)

const columns = z
  .array(z.string().regex(/^[A-Za-z][\w.-]{0,39}$/, 'Not a column id.'))
  .max(40)
  .transform((ids) => [...new Set(ids)])
  .nullable()

/**
 * Widths in rem by column id, within the bounds the board's resize keeps
 * them in. An object has one entry per key, so one width per column.
 */
const widths = z
  .record(
    z.string().refine(isResizableColumn, 'Not a resizable column.'),
    z.number('A column width is a number of rem.'),
  )
  .superRefine((value, context) => {
    for (const [id, rem] of Object.entries(value)) {
      const min = COLUMN_MIN_REM[id]
      if (min !== undefined && (rem < min || rem > MAX_COLUMN_WIDTH_REM)) {
        context.addIssue({
          code: 'custom',
          path: [id],
          message: `The ${id} column is between ${min} and ${MAX_COLUMN_WIDTH_REM} rem wide.`,
        })
      }
    }
  })
  .nullable()

const density = z.enum(['comfortable', 'compact']).nullable()
const scope = z.enum(['personal', 'team'])
const version = z.number().int().min(1)

export const createViewBody = z.strictObject({
  name,
  query,
  columns: columns.default(null),
  widths: widths.default(null),
  density: density.default(null),
  scope: scope.default('personal'),
})

export const updateViewBody = z.strictObject({
  version,
  name: name.optional(),
  query: query.optional(),
  columns: columns.optional(),
  widths: widths.optional(),
  density: density.optional(),
  scope: scope.optional(),
  unlock: z.boolean().optional(),
})

export const versionedBody = z.strictObject({ version, unlock: z.boolean().optional() })

export const duplicateViewBody = z.strictObject({ name: name.optional(), scope: scope.optional() })

export const defaultViewBody = z.strictObject({ viewId: z.string().max(40).nullable() })

export const emptyBody = z.strictObject({})

/** Zod's issues in the API's error shape. */
export function toApiErrors(error: z.ZodError): { message: string; errors: { message: string; field?: string }[] } {
  const errors = error.issues.map((issue) => ({
    message: issue.message,
    ...(issue.path.length > 0 ? { field: issue.path.join('.') } : {}),
  }))
  return { message: errors[0]?.message ?? 'The request is not valid.', errors }
}
