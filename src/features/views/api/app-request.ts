import { APP_PREFIX } from '../../../lib/app-paths.ts'

/** A refusal or failure of an `/app/` endpoint: its status, the server's words, and the whole body (a 409 carries `current`). */
export class AppRequestError extends Error {
  readonly status: number | null
  readonly body: unknown
  constructor(status: number | null, message: string, body: unknown = null) {
    super(message)
    this.name = 'AppRequestError'
    this.status = status
    this.body = body
  }
}

export function isAppRequestError(error: unknown): error is AppRequestError {
  return error instanceof AppRequestError
}

export interface AppRequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  body?: unknown
  signal?: AbortSignal
}

/**
 * Calls an `/app/` endpoint and resolves with its JSON (null for 204).
 * Writes carry the header the server's cross-site guard asks for and a JSON
 * body; the session is the httpOnly cookie, so no key ever passes through here.
 */
export async function appRequest(
  path: string,
  { method = 'GET', body, signal }: AppRequestOptions = {},
): Promise<unknown> {
  const write = method !== 'GET'
  let response: Response
  try {
    response = await fetch(`${APP_PREFIX}${path}`, {
      method,
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        ...(write ? { 'content-type': 'application/json', 'x-task-board': '1' } : {}),
      },
      body: write ? JSON.stringify(body ?? {}) : undefined,
      signal,
    })
  } catch (error) {
    if (signal?.aborted) throw signal.reason
    throw new AppRequestError(null, 'The server could not be reached.', error)
  }
  const text = await response.text().catch(() => '')
  const json = readJson(text)
  if (!response.ok) {
    const message =
      typeof json === 'object' && json !== null && typeof (json as { message?: unknown }).message === 'string'
        ? (json as { message: string }).message
        : response.statusText || `HTTP ${response.status}`
    throw new AppRequestError(response.status, message, json)
  }
  return json
}

function readJson(text: string): unknown {
  if (!text) return null
  try {
    return JSON.parse(text) as unknown
  } catch {
    return null
  }
}
