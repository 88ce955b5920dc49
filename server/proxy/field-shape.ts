/**
 * What may pass of one value: a primitive kind, an object of declared
 * fields, or a list (`[shape]`) of one shape.
 * - `timestamp`: a number or a string (the API types dates as "any").
 * - `picture`: a string the picture policy allows; any other becomes null.
 */
export type FieldShape = PrimitiveShape | ObjectShape | ListShape
export type PrimitiveShape = 'string' | 'number' | 'boolean' | 'timestamp' | 'picture'
export interface ObjectShape {
  readonly [field: string]: FieldShape
}
export type ListShape = readonly [FieldShape]

/**
 * Stands in for a value of the wrong kind. It says that something arrived
 * and what kind it was, so the board can show "unreadable" rather than
 * "empty". The value itself passes (as text) only where a primitive belongs
 * and the value is a number or a boolean: a dispatcher can act on "the
 * status is 42", and a number says nothing about a person. A string never
 * passes (a string where a number belongs may be an e-mail address), nor an
 * object or a list (an object where a name belongs may be a whole user
 * record), nor anything where an object or a list belongs.
 */
export interface UnreadableMarker {
  $unreadable: string
  value?: string
}

export interface PickOptions {
  isAllowedPicture: (url: string) => boolean
}

/**
 * A copy of `value` with only the declared fields, each of its declared kind
 * or null; absent fields stay absent. Never throws.
 */
export function pickFields(value: unknown, shape: FieldShape, options: PickOptions): unknown {
  if (value === null) return null
  if (typeof shape === 'string') return pickPrimitive(value, shape, options)
  if (isListShape(shape)) {
    if (!Array.isArray(value)) return unreadable(value)
    return value.map((item: unknown) => pickFields(item, shape[0], options))
  }
  if (!isRecord(value)) return unreadable(value)
  const picked: Record<string, unknown> = {}
  for (const [field, fieldShape] of Object.entries(shape)) {
    if (!Object.hasOwn(value, field) || value[field] === undefined) continue
    picked[field] = pickFields(value[field], fieldShape, options)
  }
  return picked
}

function pickPrimitive(value: unknown, shape: PrimitiveShape, options: PickOptions): unknown {
  switch (shape) {
    case 'string':
      return typeof value === 'string' ? value : unreadablePrimitive(value)
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? value : unreadablePrimitive(value)
    case 'boolean':
      return typeof value === 'boolean' ? value : unreadablePrimitive(value)
    case 'timestamp':
      return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))
        ? value
        : unreadablePrimitive(value)
    case 'picture':
      // A picture the board may not load is no picture: the board shows initials.
      return typeof value === 'string' && options.isAllowedPicture(value) ? value : null
  }
}

function unreadable(value: unknown): UnreadableMarker {
  return { $unreadable: Array.isArray(value) ? 'array' : typeof value }
}

/** Where a primitive belongs: the marker, with the value when it is a number or a boolean. */
function unreadablePrimitive(value: unknown): UnreadableMarker {
  const marker = unreadable(value)
  return typeof value === 'number' || typeof value === 'boolean' ? { ...marker, value: String(value) } : marker
}

function isListShape(shape: ObjectShape | ListShape): shape is ListShape {
  return Array.isArray(shape)
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
