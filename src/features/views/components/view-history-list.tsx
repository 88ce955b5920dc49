import { useState } from 'react'
import { formatDateTime } from '../../../lib/format.ts'
import { useDateStyle } from '../../../lib/render-environment.tsx'
import { useViewI18n } from '../words/view-words.ts'
import { staleCurrent, useRestoreVersion, useTakeCurrentView } from '../api/view-changes.ts'
import { type SavedView, useViewHistory, type ViewVersion } from '../api/saved-views.ts'
import { describeViewFailure } from '../view-failure.ts'
import { formatViewQueryWords } from '../view-query-words.ts'
import { SaveViewForm } from './save-view-form.tsx'
import { StaleViewChoice } from './stale-view-choice.tsx'

/**
 * A view's earlier versions, newest first: name, query in words, who saved it and when.
 * Restoring one makes it the newest version; the state it replaces joins
 * the list, so a restore can itself be undone. A locked team view lists its
 * versions but restores none until it is unlocked.
 */
export function ViewHistoryList({
  view,
  mayChange,
  onRestored,
}: {
  view: SavedView
  mayChange: boolean
  onRestored: (version: number) => void
}) {
  const { t } = useViewI18n()
  const style = useDateStyle()
  const history = useViewHistory(view.id)
  const restore = useRestoreVersion()
  const takeCurrent = useTakeCurrentView()
  const [savingAsNew, setSavingAsNew] = useState<ViewVersion | null>(null)
  const stale = staleCurrent(restore.error)
  const when = (iso: string) => formatDateTime(Date.parse(iso), style)
  const versions = history.data ?? []

  return (
    <section className="view-history" aria-label={t.viewActions.historyOf(view.name)}>
      <p className="views-menu__note">
        {t.viewActions.now(view.updatedBy.name, when(view.updatedAt))} · {formatViewQueryWords(view.query, t)}
      </p>
      {history.isPending && <p className="views-menu__note">{t.views.loading}</p>}
      {history.isError && (
        <p className="views-menu__error" role="alert">
          {describeViewFailure(history.error, t)}
        </p>
      )}
      {history.isSuccess && versions.length === 0 && <p className="views-menu__note">{t.viewActions.noHistory}</p>}
      {versions.length > 0 && (
        <ol className="view-history__list">
          {versions.map((version) => (
            <li key={version.version} className="view-history__entry">
              <span className="view-history__what">
                <span className="views-menu__name">{t.viewActions.version(version.version, version.name)}</span>
                <span className="views-menu__note">{formatViewQueryWords(version.query, t)}</span>
                <span className="views-menu__note">
                  {t.viewActions.byAt(version.updatedBy.name, when(version.updatedAt))}
                </span>
              </span>
              {mayChange && (
                <button
                  type="button"
                  className="button"
                  disabled={restore.isPending}
                  onClick={() => {
                    setSavingAsNew(null)
                    restore.mutate(
                      {
                        id: view.id,
                        from: version.version,
                        change: { version: view.version, unlock: view.scope === 'team' },
                      },
                      { onSuccess: () => onRestored(version.version) },
                    )
                  }}
                >
                  {t.viewActions.restoreVersion}
                  <span className="visually-hidden"> {t.viewActions.version(version.version, version.name)}</span>
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
      {!mayChange && versions.length > 0 && <p className="views-menu__note">{t.viewActions.unlockToRestore}</p>}
      {restore.isError && !stale && (
        <p className="views-menu__error" role="alert">
          {describeViewFailure(restore.error, t)}
        </p>
      )}
      {stale && (
        <StaleViewChoice
          current={stale}
          onReload={() => {
            takeCurrent(stale)
            restore.reset()
          }}
          onSaveAsNew={() => {
            const from = restore.variables?.from
            setSavingAsNew(versions.find((version) => version.version === from) ?? null)
          }}
        />
      )}
      {savingAsNew && (
        <SaveViewForm
          key={savingAsNew.version}
          query={savingAsNew.query}
          initialName={savingAsNew.name}
          disabled={false}
        />
      )}
    </section>
  )
}
