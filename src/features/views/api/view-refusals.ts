import { isAppRequestError } from './app-request.ts'
import { viewSchema, type SavedView } from './views-api.ts'

/** The view as it is now, when a change was refused because someone else changed it first (409 with `current`). */
export function staleCurrent(error: unknown): SavedView | null {
  if (!isAppRequestError(error) || error.status !== 409) return null
  const current = viewSchema.safeParse((error.body as { current?: unknown } | null)?.current)
  return current.success ? current.data : null
}

/** True when a save was refused because another view of that scope has this name. */
export function isNameTaken(error: unknown): boolean {
  return isAppRequestError(error) && error.status === 409 && refusalCode(error) === 'name-taken'
}

/** Why the server refused a change of a view (server/http/answer-failure.ts names it in `errors[].code`), or null. */
export function refusalCode(error: unknown): string | null {
  if (!isAppRequestError(error)) return null
  const errors = (error.body as { errors?: { code?: unknown }[] } | null)?.errors
  const code = Array.isArray(errors) ? errors.find((entry) => typeof entry?.code === 'string')?.code : undefined
  return typeof code === 'string' ? code : null
}
