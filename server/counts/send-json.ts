import type { ServerResponse } from 'node:http'

/** A JSON answer no cache keeps: figures are this server's to cache, not the browser's. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  })
  res.end(text)
}

/** A 400 in the API's error shape, every problem listed. */
export function sendBadRequest(res: ServerResponse, problems: readonly string[]): void {
  sendJson(res, 400, { message: problems.join('; '), errors: problems.map((message) => ({ message })) })
}
