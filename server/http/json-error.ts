import type { ServerResponse } from 'node:http'
import { sendJson } from './send-json.ts'

/** Answers in the tasks API's error shape, so the browser reads every failure one way. */
export function sendJsonError(
  res: ServerResponse,
  status: number,
  message: string,
  headers: Record<string, string> = {},
): void {
  sendJson(res, status, { message, errors: [{ message }] }, headers)
}
