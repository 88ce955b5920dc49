import type { ServerResponse } from 'node:http'

/** What a route decides to answer, before faults and latency have their say. */
export interface JsonAnswer {
  status: number
  body: unknown
  headers?: Record<string, string>
}

/** An answer ready for the wire. */
export interface RawAnswer {
  status: number
  headers: Record<string, string>
  body: string
}

export function jsonAnswer(body: unknown, headers: Record<string, string> = {}): JsonAnswer {
  return { status: 200, body, headers }
}

/**
 * The API's error shape, `{"message", "errors": [{"message"}]}`. With several
 * problems the message names them all, so one line in a log says everything.
 */
export function errorAnswer(
  status: number,
  problems: string | readonly string[],
  headers: Record<string, string> = {},
): JsonAnswer {
  const list = typeof problems === 'string' ? [problems] : problems
  return {
    status,
    body: { message: list.join('; '), errors: list.map((message) => ({ message })) },
    headers,
  }
}

export function toRawAnswer({ status, body, headers }: JsonAnswer): RawAnswer {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(body),
  }
}

/** Writes an answer unless the client has gone; HEAD gets the headers only (Node drops the body). */
export function writeAnswer(res: ServerResponse, { status, headers, body }: RawAnswer): void {
  if (res.destroyed || res.writableEnded) return
  res.writeHead(status, {
    'cache-control': 'no-store',
    ...headers,
    'content-length': String(Buffer.byteLength(body)),
  })
  res.end(body)
}
