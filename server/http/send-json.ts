import type { ServerResponse } from 'node:http'

/** Answers JSON that no cache keeps: saved views and sessions are per person, figures this server's to cache. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string | string[]> = {},
): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...headers,
  })
  res.end(text)
}

/** A 400 in the API's error shape, every problem listed. */
export function sendBadRequest(res: ServerResponse, problems: readonly string[]): void {
  sendJson(res, 400, { message: problems.join('; '), errors: problems.map((message) => ({ message })) })
}
