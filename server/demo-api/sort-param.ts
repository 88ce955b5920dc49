export type SortDirection = 1 | -1

export interface SortSpec<Field extends string> {
  by: Field
  direction: SortDirection
}

/**
 * Reads `sort` in both forms a client may send: the vendor page's
 * `dueDate:1` / `status.createdAt:-1`, and the JSON the live API actually
 * requires, `{"by":"dueDate","direction":1}`. Returns the problem as text
 * (naming `sort`) when it is neither or names a field that cannot be sorted by.
 */
export function parseSortParam<Field extends string>(
  raw: string,
  fields: readonly Field[],
): SortSpec<Field> | { problem: string } {
  const text = raw.trim()
  const parsed = text.startsWith('{') ? readJsonForm(text) : readColonForm(text)
  if (!parsed) {
    return {
      problem: `sort must be "field:1", "field:-1" or {"by":"field","direction":1} (direction 1 or -1); got ${JSON.stringify(raw)}`,
    }
  }
  const field = fields.find((candidate) => candidate === parsed.by)
  if (!field)
    return { problem: `sort cannot order by ${JSON.stringify(parsed.by)}; sortable fields: ${fields.join(', ')}` }
  return { by: field, direction: parsed.direction }
}

function readJsonForm(text: string): { by: string; direction: SortDirection } | null {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return null
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null
  const { by, direction } = value as Record<string, unknown>
  if (typeof by !== 'string' || by === '') return null
  const parsedDirection = toDirection(direction)
  return parsedDirection === null ? null : { by, direction: parsedDirection }
}

function readColonForm(text: string): { by: string; direction: SortDirection } | null {
  const separator = text.lastIndexOf(':')
  if (separator <= 0) return null
  const direction = toDirection(text.slice(separator + 1).trim())
  return direction === null ? null : { by: text.slice(0, separator).trim(), direction }
}

/** 1 or -1, as a number or a numeric string; "asc"/"desc" are not API words. */
function toDirection(value: unknown): SortDirection | null {
  if (value === 1 || value === '1') return 1
  if (value === -1 || value === '-1') return -1
  return null
}
