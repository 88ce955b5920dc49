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
  if (!isAppRequestError(error) || error.status !== 409) return false
  const errors = (error.body as { errors?: { code?: unknown }[] } | null)?.errors
  return Array.isArray(errors) && errors.some((entry) => entry.code === 'name-taken')
}
