import type { IncomingMessage } from 'node:http'

/** A view with every column and a 4,000-character query fits many times over. */
export const MAX_JSON_BODY_BYTES = 32 * 1024

export class BodyError extends Error {
  readonly status: number
  constructor(status: number, message: string) {
    super(message)
    this.name = 'BodyError'
    this.status = status
  }
}

/** The request's JSON body (an empty body reads as `{}`); throws BodyError when too large or not JSON. */
export async function readJsonBody(req: IncomingMessage, limit = MAX_JSON_BODY_BYTES): Promise<unknown> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    const buffer = chunk as Buffer
    size += buffer.length
    if (size > limit) throw new BodyError(413, `The body is larger than ${limit} bytes.`)
    chunks.push(buffer)
  }
  const text = Buffer.concat(chunks).toString('utf8')
  if (text.trim() === '') return {}
  try {
    return JSON.parse(text) as unknown
  } catch {
    throw new BodyError(400, 'The body is not valid JSON.')
  }
}
