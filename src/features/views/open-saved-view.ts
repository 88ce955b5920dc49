import { isChoosableColumn, parseColumnWidths, readColumnPrefs, writeColumnPrefs } from '../tasks/table/column-prefs.ts'
import type { SavedView } from './api/saved-views.ts'
import { rememberOpenedView } from './opened-view.ts'

/**
 * What opening a saved view does besides navigating: this tab remembers it
 * (so the board can say "modified"), and a view saved with columns, widths
 * and density puts them in force. The board still reads its whole view state
 * from the URL; columns, widths and density are presentation preferences.
 */
export function applySavedView(view: Pick<SavedView, 'id' | 'columns' | 'widths' | 'density'>): void {
  rememberOpenedView(view.id)
  const { columns, widths, density } = view
  if (columns == null && widths == null && density == null) return
  const prefs = readColumnPrefs()
  writeColumnPrefs({
    ...prefs,
    // A column id this board no longer has is left out, as a stored preference's would be.
    ...(columns == null ? {} : { shown: columns.filter(isChoosableColumn) }),
    // The view's widths replace the ones in force: a column it did not resize opens at its default width.
    ...(widths == null ? {} : { widths: parseColumnWidths(widths) }),
    ...(density == null ? {} : { density }),
  })
}
