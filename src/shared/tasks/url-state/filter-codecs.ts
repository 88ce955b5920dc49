/** Reports a value a codec could not use, and why; the notice puts the reason in words. */
export type Ignore<R extends string> = (value: string, reason: R) => void

/**
 * How one filter is read from its URL parameter and written back. `parse`
 * never throws: a value it cannot use is reported and left out. `format` is
 * canonical: one text per value, so one URL per view.
 */
export interface FilterCodec<V, R extends string = string> {
  /** The value when the URL does not set the filter; never written into it. */
  readonly default: V
  /** Every reason `parse` may give for leaving a value out. */
  readonly reasons: readonly R[]
  /** Reads every occurrence of the parameter, in the order given. */
  parse(values: readonly string[], ignore: Ignore<R>): V
  format(value: V): string
  isDefault(value: V): boolean
  /** How many values are set: one chip each. */
  count(value: V): number
}

/** More values than this in one filter is not a view anyone built by hand. */
const MAX_LIST_ITEMS = 100

// Control characters have no place in a search and only make URLs unreadable.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/g

/** Of a single-valued parameter the first wins; the rest are reported. */
function first(values: readonly string[], ignore: Ignore<'repeated'>): string | null {
  for (const extra of values.slice(1)) ignore(extra, 'repeated')
  return values[0] ?? null
}

/** Free text, trimmed, control characters turned into spaces; longer than `maxLength` is left out. */
export function textCodec(maxLength: number): FilterCodec<string, 'repeated' | 'too-long'> {
  return {
    default: '',
    reasons: ['repeated', 'too-long'],
    parse(values, ignore) {
      const value = first(values, ignore)
      if (value === null) return ''
      const text = value.replace(CONTROL_CHARACTERS, ' ').trim()
      if (text.length <= maxLength) return text
      ignore(value, 'too-long')
      return ''
    },
    format: (text) => text,
    isDefault: (text) => text === '',
    count: (text) => (text === '' ? 0 : 1),
  }
}

/**
 * A comma-separated list; repeated keys are merged. Items that fail `valid`
 * are reported with `reason`; `order` de-duplicates and orders a list, so a
 * set of values has one text.
 */
export function listCodec<const R extends string>({
  valid,
  reason,
  order,
}: {
  valid: (item: string) => boolean
  reason: R
  order: (values: readonly string[]) => string[]
}): FilterCodec<readonly string[], R | 'too-many'> {
  return {
    default: [],
    reasons: [reason, 'too-many'],
    parse(values, ignore) {
      const items: string[] = []
      for (const raw of values.flatMap((value) => value.split(','))) {
        const item = raw.trim()
        if (item === '') continue
        if (!valid(item)) ignore(item, reason)
        else if (!items.includes(item)) items.push(item)
      }
      if (items.length > MAX_LIST_ITEMS) {
        ignore(`${items.length - MAX_LIST_ITEMS} more values`, 'too-many')
        items.length = MAX_LIST_ITEMS
      }
      return order(items)
    },
    format: (values) => order(values).join(','),
    isDefault: (values) => values.length === 0,
    count: (values) => values.length,
  }
}

/** `true` or `false`; absent is `null`, which does not filter. */
export function booleanCodec(): FilterCodec<boolean | null, 'repeated' | 'not-a-boolean'> {
  return {
    default: null,
    reasons: ['repeated', 'not-a-boolean'],
    parse(values, ignore) {
      const value = first(values, ignore)
      if (value === null) return null
      if (value === 'true' || value === 'false') return value === 'true'
      ignore(value, 'not-a-boolean')
      return null
    },
    format: (value) => (value === null ? '' : String(value)),
    isDefault: (value) => value === null,
    count: (value) => (value === null ? 0 : 1),
  }
}

/** A date-time as ISO 8601 writes it, with seconds and fractions optional and a zone required. */
const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d{1,3})?)?(Z|[+-]\d\d:\d\d)$/

/** A moment, as epoch ms; written in UTC (`2026-12-07T14:02:00.000Z`); absent is `null`, which does not filter. */
export function timeCodec(): FilterCodec<number | null, 'repeated' | 'not-a-time'> {
  return {
    default: null,
    reasons: ['repeated', 'not-a-time'],
    parse(values, ignore) {
      const value = first(values, ignore)
      if (value === null) return null
      const time = ISO_TIME.test(value) ? Date.parse(value) : Number.NaN
      if (Number.isFinite(time)) return time
      ignore(value, 'not-a-time')
      return null
    },
    format: (time) => (time === null ? '' : new Date(time).toISOString()),
    isDefault: (time) => time === null,
    count: (time) => (time === null ? 0 : 1),
  }
}

/** De-duplicated and in code-point order: for ids, whose order means nothing. */
export function inTextOrder(values: readonly string[]): string[] {
  return [...new Set(values)].sort()
}
