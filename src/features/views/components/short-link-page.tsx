import { useQuery } from '@tanstack/react-query'
import { useEffect } from 'react'
import { Link, useNavigate, useParams } from 'react-router'
import { useViewI18n } from '../words/view-words.ts'
import { BOARD_PATH } from '../../../shared/tasks/url-state/paths.ts'
import { isApiError } from '../../../shared/api-error.ts'
import { useSession } from '../api/session-queries.ts'
import { viewQueries } from '../api/saved-views.ts'
import { savedViewHref } from '../saved-view-href.ts'
import { rememberOpenedView } from '../opened-view.ts'
import { SignInForm } from './sign-in-form.tsx'

/**
 * `/v/<id>` in the browser. The app server redirects a short link straight to
 * the view's URL when it knows who asks; it answers this page when nobody is
 * signed in (a personal key), which asks for the key and then opens the view,
 * replacing this address so Back does not come here again.
 */
export function ShortLinkPage() {
  const { t } = useViewI18n()
  const { viewId = '' } = useParams()
  const navigate = useNavigate()
  const session = useSession()
  const signedIn = session.data?.signedIn === true
  const view = useQuery({ ...viewQueries.detail(viewId), enabled: signedIn })

  useEffect(() => {
    if (!view.data) return
    // As the server's redirect does: the view's state, not the sharer's columns (those stay the reader's own).
    rememberOpenedView(view.data.id)
    void navigate(savedViewHref(view.data.query), { replace: true })
  }, [view.data, navigate])

  if (session.data && !signedIn) {
    return (
      <main className="page-message">
        <SignInForm expired={false} />
      </main>
    )
  }
  if (session.isError || view.isError) {
    const missing = isApiError(view.error) && view.error.status === 404
    return (
      <main className="page-message">
        <h1>{missing ? t.viewLinks.notFound : t.viewLinks.unavailable}</h1>
        <p>
          <Link to={BOARD_PATH}>{t.viewLinks.toBoard}</Link>
        </p>
      </main>
    )
  }
  return <main className="page-message muted">{t.pages.openingView}</main>
}
