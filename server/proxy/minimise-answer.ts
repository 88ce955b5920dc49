import type { ApiEndpoint } from './api-endpoints.ts'
import { pickFields, type PickOptions } from './field-shape.ts'

/**
 * The body the browser gets for one endpoint: the declared fields only, or
 * a sentence saying why the answer is unusable. A list wrapped in an object
 * (`{data: [...]}`) is unusable, not a list of empty rows.
 */
export function minimiseAnswer(
  body: Buffer,
  endpoint: ApiEndpoint,
  options: PickOptions,
): { ok: true; json: string } | { ok: false; message: string } {
  let parsed: unknown
  try {
    parsed = JSON.parse(body.toString('utf8'))
  } catch {
    return { ok: false, message: `The tasks API sent a ${endpoint.noun} that is not JSON.` }
  }
  const isList = Array.isArray(parsed)
  const isObject = typeof parsed === 'object' && parsed !== null && !isList
  if (endpoint.answer === 'list' ? !isList : !isObject) {
    const expected = endpoint.answer === 'list' ? 'a list' : 'an object'
    return { ok: false, message: `The tasks API did not send ${expected} where the ${endpoint.noun} belongs.` }
  }
  const shape = endpoint.answer === 'list' ? ([endpoint.shape] as const) : endpoint.shape
  return { ok: true, json: JSON.stringify(pickFields(parsed, shape, options)) }
}
