import { useLocation } from 'react-router'
import { CopyTextButton } from '../../../components/ui/copy-text-button.tsx'
import { useViewI18n } from '../words/view-words.ts'
import { parseBoardSearch } from '../../../shared/tasks/url-state/board-search.ts'
import { shareableBoardLink, shortLinkPath } from '../../../shared/tasks/url-state/paths.ts'
import { useSetDefaultView } from '../api/view-changes.ts'
import type { SavedView } from '../api/saved-views.ts'
import { isLongLink } from '../short-link.ts'
import './view-links.css'
import { appFailureInWords } from '../view-failure.ts'
import { pageOrigin } from '../../../lib/page-address.ts'
import { useEffect, useMemo } from 'react'
import { formatDateTime } from '../../../lib/format.ts'
import { useDateStyle } from '../../../lib/render-environment.tsx'
import { useChangesSince, useLookBefore } from '../changes-since-look.ts'

/**
 * The saved view the URL shows: its name, what changed in it since the
 * person last looked, making it (or no longer making it) the default that a
 * bare `/tasks` opens, and, when the board's link is too long to share
 * safely, the view's short link.
 */
export function CurrentViewActions({
  view,
  isDefault,
  changed,
  onShowChanges,
}: {
  view: SavedView
  isDefault: boolean
  changed: number | null
  onShowChanges: (since: number) => void
}) {
  const { t, locale } = useViewI18n()
  const setDefault = useSetDefaultView()
  const link = useShareableLink()
  return (
    <div className="view-status">
      <span className="view-status__name">
        {t.viewLinks.current(view.name)}
        {isDefault && ` · ${t.viewLinks.isDefault}`}
      </span>
      <ChangesSinceLook view={view} shown={changed} onShow={onShowChanges} />
      <button
        type="button"
        className="button button--quiet"
        disabled={setDefault.isPending}
        onClick={() => setDefault.mutate(isDefault ? null : view.id)}
      >
        {isDefault ? t.viewLinks.removeDefault : t.viewLinks.makeDefault}
      </button>
      {setDefault.isError && (
        <span className="views-menu__error" role="alert">
          {t.viewLinks.defaultFailed} {appFailureInWords(setDefault.error, t)}
        </span>
      )}
      {isLongLink(link) && (
        <>
          <span>{t.viewLinks.longLink(link.length.toLocaleString(locale))}</span>
          <CopyTextButton
            label={t.viewLinks.copyShort}
            done={t.copy.copied}
            text={() => new URL(shortLinkPath(view.id), pageOrigin()).toString()}
          />
        </>
      )}
    </div>
  )
}

/**
 * "3 new · 5 changed since you last looked (7 Dec, 14:02)", once this tab's
 * opening of the view is recorded and something did change, also in the
 * browser tab's title; and the way to see only those tasks, a link like any
 * other view of the board.
 */
function ChangesSinceLook({
  view,
  shown,
  onShow,
}: {
  view: SavedView
  shown: number | null
  onShow: (since: number) => void
}) {
  const { t } = useViewI18n()
  const style = useDateStyle()
  const before = useLookBefore(view.id)
  const asked = useMemo(() => (before ? [{ id: view.id, query: view.query, since: before }] : []), [before, view])
  const changes = useChangesSince(asked, before !== null).get(view.id)
  // The browser's tab says it too: a view kept open in a tab of its own shows what is new at a glance.
  useEffect(() => {
    if (!changes) return
    const title = document.title
    document.title = `${changes} · ${view.name}`
    return () => {
      document.title = title
    }
  }, [changes, view.name])
  if (!before || !changes) return null
  const since = Date.parse(before)
  return (
    <>
      <span className="view-status__changes">{t.viewChanges.sinceLook(changes, formatDateTime(since, style))}</span>
      {shown !== since && (
        <button type="button" className="button button--quiet" onClick={() => onShow(since)}>
          {t.viewChanges.showOnly}
        </button>
      )}
    </>
  )
}

/** For a URL no saved view holds: when its link is too long to share safely, says so and how to get a short one. */
export function LongLinkHint() {
  const { t, locale } = useViewI18n()
  const link = useShareableLink()
  if (!isLongLink(link)) return null
  return (
    <div className="view-status">
      <span>
        {t.viewLinks.longLink(link.length.toLocaleString(locale))} {t.viewLinks.saveForShortLink}
      </span>
    </div>
  )
}

/** What Copy link copies for the address shown. */
function useShareableLink(): string {
  const { search } = useLocation()
  const params = new URLSearchParams(search)
  return shareableBoardLink(parseBoardSearch(params).board, params, pageOrigin())
}
