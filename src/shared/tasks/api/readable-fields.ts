import { z } from 'zod/mini'
import { displayText } from '../../display-text.ts'
import { isUnreadableMarker, toUnreadable, type Unreadable } from './unreadable.ts'

/**
 * A field read by `read`, whatever arrives, absent included. (zod 4 treats a
 * key as required unless its schema accepts undefined before transforming.)
 */
export function lenient<T>(read: (value: unknown) => T) {
  return z.pipe(z.optional(z.unknown()), z.transform(read))
}

/** A string; null when absent or null; anything else unreadable, never empty. */
export const readableText = lenient((value): string | null | Unreadable => {
  if (value === null || value === undefined) return null
  return typeof value === 'string' ? displayText(value) : toUnreadable(value)
})

/** An integer; null when absent or null; anything else unreadable. */
export const readableInteger = lenient((value): number | null | Unreadable => {
  if (value === null || value === undefined) return null
  return typeof value === 'number' && Number.isInteger(value) ? value : toUnreadable(value)
})

/** A list of strings: nulls left out, entries of another kind unreadable; a list that is not one is one unreadable entry. */
export const readableStrings = lenient((value): (string | Unreadable)[] => {
  if (value === null || value === undefined) return []
  if (!Array.isArray(value)) return [toUnreadable(value)]
  return value.flatMap((item: unknown) => {
    if (item === null) return []
    return [typeof item === 'string' ? displayText(item) : toUnreadable(item)]
  })
})

/**
 * An object of `schema`; null when absent or null. A marker, another kind,
 * or an object `schema` rejects is unreadable, with the kind of the part
 * that failed (an entity whose id arrived as a number is "a number").
 */
export function readableObject<S extends z.ZodMiniType>(schema: S) {
  return lenient((value): z.output<S> | null | Unreadable => {
    if (value === null || value === undefined) return null
    if (isUnreadableMarker(value) || typeof value !== 'object' || Array.isArray(value)) return toUnreadable(value)
    const parsed = schema.safeParse(value)
    if (parsed.success) return parsed.data
    return unreadablePart(value, parsed.error.issues[0]?.path ?? [])
  })
}

/** A list of `schema` entries: nulls left out, broken entries unreadable; a list that is not one is one unreadable entry. */
export function readableList<S extends z.ZodMiniType>(schema: S) {
  const entry = readableObject(schema)
  return lenient((value): (z.output<S> | Unreadable)[] => {
    if (value === null || value === undefined) return []
    if (!Array.isArray(value)) return [toUnreadable(value)]
    return value.flatMap((item: unknown) => {
      const read = entry.parse(item)
      return read === null ? [] : [read]
    })
  })
}

/** `schema`, refusing the server's marker: for the parts a row cannot be shown without (its dates). */
export function intact<S extends z.ZodMiniType>(schema: S) {
  return z.pipe(
    z.optional(z.unknown().check(z.refine((value) => !isUnreadableMarker(value), 'the server could not read it'))),
    schema,
  )
}

function unreadablePart(value: object, path: readonly PropertyKey[]): Unreadable {
  let part: unknown = value
  for (const key of path)
    part = typeof part === 'object' && part !== null ? (part as Record<PropertyKey, unknown>)[key] : undefined
  return part === undefined ? { unreadable: 'incomplete', raw: null } : toUnreadable(part)
}
