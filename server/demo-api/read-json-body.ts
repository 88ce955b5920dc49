import type { IncomingMessage } from 'node:http'

const MAX_BODY_BYTES = 65_536

/**
 * A request's JSON body; undefined when it sent none. Throws an Error whose
 * message names `what` when the body is too large or not JSON.
 */
export async function readJsonBody(req: IncomingMessage, what = 'The body'): Promise<unknown> {
  let text = ''
  for await (const chunk of req) {
    text += String(chunk)
    if (text.length > MAX_BODY_BYTES) throw new Error(`${what} is too large`)
  }
  if (text.trim() === '') return undefined
  try {
    return JSON.parse(text) as unknown
  } catch {
    throw new Error(`${what} must be JSON`)
  }
}
