import type { ViewMessages } from './words/view-words.ts'
import { isApiError } from '../../shared/api-error.ts'
import { isNameTaken, refusalCode } from './api/view-changes.ts'

/**
 * Why a request to the board's own server (`/app/…`) failed, in the board's
 * catalogue and so in the board's language. Read from the status and the
 * refusal's code, never from the message: the server words it in English.
 */
export function appFailureInWords(error: unknown, t: ViewMessages): string {
  const words = t.appFailure
  if (!isApiError(error)) return words.unreachable
  switch (refusalCode(error)) {
    case 'name-taken':
      return t.viewActions.nameTaken
    case 'locked':
      return t.viewActions.lockedRefusal
    case 'stale':
      return words.stale
    case 'forbidden':
      return words.teamStaysTeam
    case 'not-found':
      return words.notFound
    case 'full':
      return words.full
  }
  switch (error.status) {
    // No answer in time, or an answer that is not what was asked for.
    case null:
      return error.kind === 'network' || error.kind === 'timeout' ? words.unreachable : words.unreadable
    case 400:
    case 415:
      return words.invalid
    case 401:
      return words.signIn
    case 403:
      return words.refused
    case 404:
      return words.notFound
    case 409:
      return words.stale
    case 413:
      return words.tooLarge
    case 423:
      return t.viewActions.lockedRefusal
    case 429:
      return words.tooMany
    case 502:
    case 504:
      return words.tasksApi
    case 503:
      return words.store
    default:
      return words.other(error.status)
  }
}

/**
 * Why a change of a view failed: a name taken or a locked team view on
 * their own, anything else after "That did not work:". A stale version is
 * not here: it offers choices instead (`StaleViewChoice`).
 */
export function describeViewFailure(error: unknown, t: ViewMessages): string {
  if (isNameTaken(error)) return t.viewActions.nameTaken
  if (isApiError(error) && error.status === 423) return t.viewActions.lockedRefusal
  return `${t.viewActions.failed} ${appFailureInWords(error, t)}`
}
