import { parseSortParam, type SortSpec } from './sort-param.ts'

const OBJECT_ID = /^[0-9a-f]{24}$/i

export function isObjectId(value: string): boolean {
  return OBJECT_ID.test(value)
}

/**
 * Typed reads of one request's query string. Every problem is collected
 * rather than thrown, so a 400 lists all bad parameters at once, each
 * message naming its parameter. Parameters nobody reads are ignored, as a
 * real server ignores them.
 */
export interface QueryParams {
  readonly problems: readonly string[]
  /** The last value (as PHP reads repeated keys), trimmed; undefined when absent or empty. */
  text(name: string): string | undefined
  integer(name: string, range: { min: number; max?: number; fallback: number }): number
  /**
   * A list in any form a client sends: `a,b`, `x=a&x=b`, `x[]=a&x[]=b`, or
   * a mix; items trimmed, empty ones dropped.
   */
  list(name: string): string[]
  /** A list of 24-hex ObjectIds, lowercased. */
  objectIds(name: string): string[]
  /** A list of ObjectIds that may also hold the given tokens. */
  objectIdsOr(name: string, tokens: readonly string[]): string[]
  integers(name: string): number[]
  /** A list whose items must come from `allowed`. */
  oneOf(name: string, allowed: readonly string[]): string[]
  boolean(name: string): boolean | undefined
  sort<Field extends string>(fields: readonly Field[]): SortSpec<Field> | undefined
}

export function readQueryParams(search: URLSearchParams): QueryParams {
  const problems: string[] = []

  function text(name: string): string | undefined {
    const value = search.getAll(name).at(-1)?.trim()
    return value ? value : undefined
  }

  function integer(name: string, { min, max, fallback }: { min: number; max?: number; fallback: number }): number {
    const value = text(name)
    if (value === undefined) return fallback
    const number = /^[+-]?\d+$/.test(value) ? Number(value) : Number.NaN
    if (!Number.isSafeInteger(number) || number < min || (max !== undefined && number > max)) {
      problems.push(
        max === undefined
          ? `${name} must be an integer of ${min} or more; got ${JSON.stringify(value)}`
          : `${name} must be an integer from ${min} to ${max}; got ${JSON.stringify(value)}`,
      )
      return fallback
    }
    return number
  }

  function list(name: string): string[] {
    return [...search.getAll(name), ...search.getAll(`${name}[]`)]
      .flatMap((value) => value.split(','))
      .map((item) => item.trim())
      .filter((item) => item !== '')
  }

  function objectIdsOr(name: string, tokens: readonly string[]): string[] {
    const items = list(name)
    const invalid = items.filter((item) => !tokens.includes(item) && !isObjectId(item))
    if (invalid.length > 0) {
      const also = tokens.length > 0 ? ` (or ${tokens.map((token) => JSON.stringify(token)).join(', ')})` : ''
      problems.push(`${name} must list 24-character hexadecimal ObjectIds${also}; got ${quoteList(invalid)}`)
      return []
    }
    return items.map((item) => (tokens.includes(item) ? item : item.toLowerCase()))
  }

  function integers(name: string): number[] {
    const items = list(name)
    const invalid = items.filter((item) => !/^[+-]?\d+$/.test(item))
    if (invalid.length > 0) {
      problems.push(`${name} must list integers; got ${quoteList(invalid)}`)
      return []
    }
    return items.map(Number)
  }

  function oneOf(name: string, allowed: readonly string[]): string[] {
    const items = list(name)
    const invalid = items.filter((item) => !allowed.includes(item))
    if (invalid.length > 0) {
      problems.push(`${name} must be one or more of ${allowed.join(', ')}; got ${quoteList(invalid)}`)
      return []
    }
    return items
  }

  function boolean(name: string): boolean | undefined {
    const value = text(name)
    if (value === undefined) return undefined
    if (value === 'true') return true
    if (value === 'false') return false
    problems.push(`${name} must be true or false; got ${JSON.stringify(value)}`)
    return undefined
  }

  function sort<Field extends string>(fields: readonly Field[]): SortSpec<Field> | undefined {
    const value = text('sort')
    if (value === undefined) return undefined
    const parsed = parseSortParam(value, fields)
    if ('problem' in parsed) {
      problems.push(parsed.problem)
      return undefined
    }
    return parsed
  }

  return {
    problems,
    text,
    integer,
    list,
    objectIds: (name) => objectIdsOr(name, []),
    objectIdsOr,
    integers,
    oneOf,
    boolean,
    sort,
  }
}

function quoteList(items: readonly string[]): string {
  const shown = items.slice(0, 5).map((item) => JSON.stringify(item))
  return items.length > 5 ? `${shown.join(', ')} …` : shown.join(', ')
}
