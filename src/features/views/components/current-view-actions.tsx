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

/**
 * The saved view the URL shows: its name, making it (or no longer making it)
 * the default that a bare `/tasks` opens, and, when the board's link is too
 * long to share safely, the view's short link.
 */
export function CurrentViewActions({ view, isDefault }: { view: SavedView; isDefault: boolean }) {
  const { t, locale } = useViewI18n()
  const setDefault = useSetDefaultView()
  const link = useShareableLink()
  return (
    <div className="view-status">
      <span className="view-status__name">
        {t.viewLinks.current(view.name)}
        {isDefault && ` · ${t.viewLinks.isDefault}`}
      </span>
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
