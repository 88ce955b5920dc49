import { createBrowserRouter, isRouteErrorResponse, Link, Navigate, useLocation, useRouteError } from 'react-router'
import { BoardPage } from '../features/tasks/board/board-page.tsx'
import { BOARD_PATH } from '../features/tasks/url-state/paths.ts'
import { useI18n } from '../lib/i18n/i18n.tsx'

export function createRouter() {
  return createBrowserRouter([
    {
      errorElement: <RouteError />,
      children: [
        { path: '/', element: <RedirectToBoard /> },
        { path: BOARD_PATH, element: <BoardPage /> },
        { path: `${BOARD_PATH}/:taskId`, element: <BoardPage /> },
        { path: '*', element: <NotFound /> },
      ],
    },
  ])
}

/** `/` has nothing of its own; keep any query so a shortened link still opens its view. */
function RedirectToBoard() {
  const { search } = useLocation()
  return <Navigate to={`${BOARD_PATH}${search}`} replace />
}

function NotFound() {
  const { t } = useI18n()
  return (
    <main className="page-message">
      <h1>{t.pages.notFound}</h1>
      <p>
        <Link to={BOARD_PATH}>{t.pages.toBoard}</Link>
      </p>
    </main>
  )
}

/** For bugs only: API errors render in place. The address stays as it was, so a reload retries the same view. */
function RouteError() {
  const { t } = useI18n()
  const error = useRouteError()
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : 'Unknown error'
  return (
    <main className="page-message" role="alert">
      <h1>{t.pages.broken}</h1>
      <p className="muted">{message}</p>
      <p>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          {t.pages.reload}
        </button>
      </p>
    </main>
  )
}
