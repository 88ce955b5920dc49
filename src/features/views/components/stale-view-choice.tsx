import { useViewI18n } from '../words/view-words.ts'
import type { SavedView } from '../api/saved-views.ts'

/**
 * A change made on an old version was refused: someone saved the view
 * meanwhile. Reload takes their version (what the user typed stays where it
 * is); Save as new keeps the user's edit as a view of its own.
 */
export function StaleViewChoice({
  current,
  onReload,
  onSaveAsNew,
}: {
  current: SavedView
  onReload: () => void
  onSaveAsNew?: () => void
}) {
  const { t } = useViewI18n()
  return (
    <div className="view-actions__stale" role="alert">
      <span>{t.viewActions.stale(current.name, current.updatedBy.name)}</span>
      <span className="view-actions__buttons">
        <button type="button" className="button button--quiet" onClick={onReload}>
          {t.viewActions.reload}
        </button>
        {onSaveAsNew && (
          <button type="button" className="button button--quiet" onClick={onSaveAsNew}>
            {t.viewActions.saveAsNew}
          </button>
        )}
      </span>
    </div>
  )
}
