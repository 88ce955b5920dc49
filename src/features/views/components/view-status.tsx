import { useNavigate } from 'react-router'
import { useViewI18n } from '../words/view-words.ts'
import { useSession } from '../api/session-queries.ts'
import { staleCurrent, useTakeCurrentView, useUpdateView } from '../api/view-changes.ts'
import { useViews } from '../api/saved-views.ts'
import { savedViewHref } from '../saved-view-href.ts'
import { readOpenedView } from '../opened-view.ts'
import { unlockView, useMayChange } from '../unlocked-views.ts'
import { CurrentViewActions, LongLinkHint } from './current-view-actions.tsx'
import { StaleViewChoice } from './stale-view-choice.tsx'
import { appFailureInWords } from '../view-failure.ts'

/**
 * When the URL has moved away from the view this tab opened, says so and
 * offers to go back to it, to update it (a team view only after an explicit
 * "Unlock to edit"), or to save the URL as a new view. When the URL shows a
 * saved view, names it and offers its default and short-link actions.
 */
export function ViewStatus({
  currentQuery,
  onSaveAsNew,
  changed,
  onShowChanges,
}: {
  currentQuery: string
  onSaveAsNew: () => void
  changed: number | null
  onShowChanges: (since: number) => void
}) {
  const { t } = useViewI18n()
  const navigate = useNavigate()
  const session = useSession()
  const views = useViews({ enabled: session.data?.signedIn === true })
  const update = useUpdateView()
  const openedId = readOpenedView()
  const opened = views.data?.views.find((view) => view.id === openedId)
  const mayChange = useMayChange(opened ?? { id: '', scope: 'personal' })
  const takeCurrent = useTakeCurrentView()
  if (!opened || opened.query === currentQuery) {
    // The view the URL shows: the one this tab opened, or else any saved with exactly this query.
    const current = opened ?? views.data?.views.find((view) => view.query === currentQuery)
    return current ? (
      <CurrentViewActions
        view={current}
        isDefault={views.data?.defaultViewId === current.id}
        changed={changed}
        onShowChanges={onShowChanges}
      />
    ) : (
      <LongLinkHint />
    )
  }
  const stale = staleCurrent(update.error)
  return (
    <div className="view-status" role="status">
      <span>{t.views.modified(opened.name)}</span>
      <button type="button" className="button button--quiet" onClick={() => void navigate(savedViewHref(opened.query))}>
        {t.views.revert}
      </button>
      {mayChange ? (
        <button
          type="button"
          className="button button--quiet"
          disabled={update.isPending}
          onClick={() =>
            update.mutate({
              id: opened.id,
              edit: { version: opened.version, query: currentQuery, unlock: opened.scope === 'team' },
            })
          }
        >
          {t.views.update}
        </button>
      ) : (
        <button type="button" className="button button--quiet" onClick={() => unlockView(opened.id)}>
          {t.viewActions.unlock}
        </button>
      )}
      <button type="button" className="button button--quiet" onClick={onSaveAsNew}>
        {t.views.saveAsNew}
      </button>
      {update.isError && !stale && (
        <span className="views-menu__error" role="alert">
          {t.views.saveFailed} {appFailureInWords(update.error, t)}
        </span>
      )}
      {stale && (
        <StaleViewChoice
          current={stale}
          onReload={() => {
            takeCurrent(stale)
            update.reset()
          }}
          onSaveAsNew={onSaveAsNew}
        />
      )}
    </div>
  )
}
