import type { ServerResponse } from 'node:http'
import { sendJsonError } from '../http/json-error.ts'
import { StoreUnavailableError } from '../store/database.ts'
import { publicView } from '../views/public-view.ts'
import { ViewError, type ViewProblem } from '../views/view-record.ts'
import { BodyError } from './read-json-body.ts'
import { sendJson } from './send-json.ts'

const VIEW_STATUS: Record<ViewProblem, number> = {
  'not-found': 404,
  stale: 409,
  'name-taken': 409,
  locked: 423,
  forbidden: 403,
}

/**
 * Answers a failure of an app endpoint in the API's error shape, or returns
 * false for a bug (which the server's catch-all answers with 500).
 */
export function answerFailure(res: ServerResponse, error: unknown): boolean {
  if (error instanceof ViewError) {
    const status = VIEW_STATUS[error.problem]
    const body = { message: error.message, errors: [{ message: error.message, code: error.problem }] }
    sendJson(res, status, error.current ? { ...body, current: publicView(error.current) } : body)
    return true
  }
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
