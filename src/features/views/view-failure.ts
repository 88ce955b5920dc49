import type { Messages } from '../../lib/i18n/en.ts'
import { isAppRequestError } from './api/app-request.ts'
import { isNameTaken } from './api/view-changes.ts'

/**
 * Why a change of a view failed, in the user's words: a name taken, a
 * locked team view, or the server's own message (the store down says so).
 * A stale version is not here: it offers choices instead (`StaleViewChoice`).
 */
export function describeViewFailure(error: unknown, t: Messages): string {
  if (isNameTaken(error)) return t.viewActions.nameTaken
  if (isAppRequestError(error) && error.status === 423) return t.viewActions.lockedRefusal
  return `${t.viewActions.failed} ${error instanceof Error ? error.message : String(error)}`
}
