/**
 * A value the board received but cannot read: the app server's marker
 * (`{"$unreadable": "number", "value": "42"}`) or a value of the wrong kind.
 * It keeps what arrived (its kind, and the raw value where that is a short
 * primitive) so the board can say "unreadable" instead of showing the field
 * as empty: an assignee the board cannot read is not "Unassigned".
 */
export interface Unreadable {
  /** The JSON kind that arrived: `string`, `number`, `boolean`, `object`, `array` … */
  readonly unreadable: string
  /** The value as text when it is harmless to show (a number, a short string); otherwise null. */
  readonly raw: string | null
}

/** Raw values longer than this are not shown: a long text in the wrong place may be anything. */
const MAX_RAW_LENGTH = 40
const KIND = /^[a-z]{1,16}$/

export function isUnreadable(value: unknown): value is Unreadable {
  return typeof value === 'object' && value !== null && 'unreadable' in value && 'raw' in value
}

/** Whether a value is the app server's marker for a value of the wrong kind. */
export function isUnreadableMarker(value: unknown): value is { $unreadable: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.hasOwn(value, '$unreadable')
}

/** What the board shows for `value`, which arrived where something else belongs. Never throws. */
export function toUnreadable(value: unknown): Unreadable {
  if (isUnreadableMarker(value)) {
    const kind = typeof value.$unreadable === 'string' && KIND.test(value.$unreadable) ? value.$unreadable : 'unknown'
    const raw = 'value' in value ? value.value : undefined
    return { unreadable: kind, raw: typeof raw === 'string' ? shortText(raw) : null }
  }
  if (Array.isArray(value)) return { unreadable: 'array', raw: null }
  switch (typeof value) {
    case 'number':
    case 'boolean':
      return { unreadable: typeof value, raw: String(value) }
    case 'string':
      return { unreadable: 'string', raw: shortText(value) }
    default:
      return { unreadable: typeof value, raw: null }
  }
}

/** Whether any field of a parsed row, at any depth, is unreadable. */
export function hasUnreadable(value: unknown): boolean {
  if (isUnreadable(value)) return true
  if (Array.isArray(value)) return value.some(hasUnreadable)
  if (typeof value === 'object' && value !== null) return Object.values(value).some(hasUnreadable)
  return false
}

function shortText(text: string): string | null {
  return text.length <= MAX_RAW_LENGTH ? text : null
}
