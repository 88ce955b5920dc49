import { isChoosableColumn, readColumnPrefs, writeColumnPrefs } from '../tasks/table/column-prefs.ts'
import { BOARD_PARAMS } from '../tasks/url-state/board-search.ts'
import { boardHrefKeeping } from '../tasks/url-state/paths.ts'
import type { SavedView } from './api/views-api.ts'
import { rememberOpenedView } from './opened-view.ts'

/**
 * What opening a saved view does besides navigating: this tab remembers it
 * (so the board can say "modified"), and a view saved with columns and
 * density puts them in force. The board still reads its whole view state
 * from the URL; columns and density are presentation preferences.
 */
export function applySavedView(view: Pick<SavedView, 'id' | 'columns' | 'density'>): void {
  rememberOpenedView(view.id)
  const { columns, density } = view
  if (columns == null && density == null) return
  const prefs = readColumnPrefs()
  writeColumnPrefs({
    ...prefs,
    // A column id this board no longer has is left out, as a stored preference's would be.
    ...(columns == null ? {} : { shown: columns.filter(isChoosableColumn) }),
    ...(density == null ? {} : { density }),
  })
}

/** The board URL of a view; parameters the board does not own (the address's own) ride along. */
export function savedViewHref(query: string, current: URLSearchParams = new URLSearchParams()): string {
  const own = [...current].filter(([key]) => !(BOARD_PARAMS as readonly string[]).includes(key))
  if (own.length === 0) return boardHrefKeeping(query)
  const search = new URLSearchParams(query)
  for (const [key, value] of own) search.append(key, value)
  return boardHrefKeeping(search.toString())
}
