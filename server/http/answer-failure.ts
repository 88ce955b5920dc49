import type { ServerResponse } from 'node:http'
import { StoreUnavailableError } from '../store/database.ts'
import { sendJsonError } from './json-error.ts'
import { BodyError } from './read-json-body.ts'

/**
 * Answers a failure of an app endpoint in the API's error shape, or returns
 * false for a bug (which the server's catch-all answers with 500).
 */
export function answerFailure(res: ServerResponse, error: unknown): boolean {
  if (error instanceof BodyError) {
    sendJsonError(res, error.status, error.message)
    return true
  }
  if (error instanceof StoreUnavailableError) {
    console.error('Store unavailable:', error.cause instanceof Error ? error.cause.message : error.message)
    // Nothing was written: a failed save is the whole save, so what the board sent can be sent again.
    sendJsonError(
      res,
      503,
      'Saved views are unavailable: the database cannot be reached. Nothing saved is lost; try again shortly.',
      {
        'retry-after': '5',
      },
    )
    return true
  }
  return false
}
