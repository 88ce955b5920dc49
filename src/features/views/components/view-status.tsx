import { useNavigate } from 'react-router'
import { useI18n } from '../../../lib/i18n/i18n.tsx'
import { boardHrefKeeping } from '../../tasks/url-state/paths.ts'
import { useSession } from '../api/session-queries.ts'
import { useTakeCurrentView } from '../api/use-take-current-view.ts'
import { staleCurrent } from '../api/view-refusals.ts'
import { useUpdateView, useViews } from '../api/view-queries.ts'
import { readOpenedView } from '../opened-view.ts'
import { unlockView, useMayChange } from '../unlocked-views.ts'
import { StaleViewChoice } from './stale-view-choice.tsx'

/**
 * When the URL has moved away from the view this tab opened, says so and
 * offers to go back to it, to update it (a team view only after an explicit
 * "Unlock to edit"), or to save the URL as a new view.
 */
export function ViewStatus({ currentQuery, onSaveAsNew }: { currentQuery: string; onSaveAsNew: () => void }) {
  const { t } = useI18n()
  const navigate = useNavigate()
  const session = useSession()
  const views = useViews({ enabled: session.data?.signedIn === true })
  const update = useUpdateView()
  const openedId = readOpenedView()
  const opened = views.data?.views.find((view) => view.id === openedId)
  const mayChange = useMayChange(opened ?? { id: '', scope: 'personal' })
  const takeCurrent = useTakeCurrentView()
  if (!opened || opened.query === currentQuery) return null
  const stale = staleCurrent(update.error)
  return (
    <div className="view-status" role="status">
      <span>{t.views.modified(opened.name)}</span>
      <button
        type="button"
        className="button button--quiet"
        onClick={() => void navigate(boardHrefKeeping(opened.query))}
      >
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
          {t.views.saveFailed} {update.error.message}
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
