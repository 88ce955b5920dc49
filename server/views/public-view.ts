import type { ViewVersion } from './view-history.ts'
import type { View } from './view-record.ts'

/*
 * What of a view reaches the browser: only what the board shows or sends
 * back. The menu shows the name, its scope (personal or team) and, in the
 * history, who changed it last and when; opening a view applies its query,
 * columns, column widths and density; an edit names the version it was made on. Owners,
 * creators and user ids stay on the server, and of times of use only the
 * asker's own last look at each view reaches them (the menu counts what
 * changed since).
 */

export function publicView(view: View) {
  return {
    id: view.id,
    name: view.name,
    query: view.query,
    columns: view.columns,
    widths: view.widths,
    density: view.density,
    scope: view.scope,
    version: view.version,
    updatedBy: { name: view.updatedBy.name },
    updatedAt: view.updatedAt,
  }
}

/** A view as the asker's list of views has it: with when they last opened it (null: never). */
export function publicListedView(view: View, lookedAt: string | null) {
  return { ...publicView(view), lookedAt }
}

/** A view in the trash: what the trash lists, and when it was deleted (it is purged some days later). */
export function publicTrashedView(view: View) {
  return { id: view.id, name: view.name, scope: view.scope, deletedAt: view.deletedAt }
}

/** An earlier version as the history lists it: its name and query, who saved it and when. */
export function publicVersion(version: ViewVersion) {
  return {
    version: version.version,
    name: version.name,
    query: version.query,
    updatedBy: { name: version.updatedBy.name },
    updatedAt: version.updatedAt,
  }
}
