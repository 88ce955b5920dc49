import { BrowserRouter, Link, Navigate, Route, Routes, useLocation } from 'react-router'
import { ErrorBoundary } from '../components/ui/error-boundary.tsx'
import { BoardPage } from '../features/tasks/board/board-page.tsx'
import {
  BOARD_PATH,
  boardHrefKeeping,
  DAY_SHEET_PATH,
  SHORT_LINK_ROUTE,
  TASK_ROUTE,
  WORKLOAD_PATH,
} from '../shared/tasks/url-state/paths.ts'
import { Deferred } from '../lib/deferred/deferred.tsx'
import { deferredPart } from '../lib/deferred/deferred-part.ts'
import { useI18n } from '../lib/i18n/i18n.tsx'

// Not in the board's first download: fetched when the workload or a short link is first opened.
const workloadPage = deferredPart(() => import('../features/tasks/workload/workload-page.tsx'))
const daySheetPage = deferredPart(() => import('../features/tasks/day-sheet/day-sheet-page.tsx'))
const shortLinkPage = deferredPart(() => import('../features/views/components/short-link-page.tsx'))

/**
 * The app's routes. Declarative routing is all the board needs (no loaders or
 * actions: data comes through React Query), and it is a much smaller download
 * than the data router.
 */
export function AppRoutes() {
  return (
    // Synchronous updates: a cached page is on screen in the frame after the click, not after a transition.
    <BrowserRouter useTransitions={false}>
      <GuardedRoutes />
    </BrowserRouter>
  )
}

/** The routes under whichever router holds the address. A page that crashed renders again after a navigation (e.g. Back), as with any other address. */
export function GuardedRoutes() {
  const { key } = useLocation()
  return (
    <ErrorBoundary resetKeys={[key]} fallback={(error) => <RouteError error={error} />}>
      <Routes>
        <Route path="/" element={<RedirectToBoard />} />
        <Route path={BOARD_PATH} element={<BoardPage />} />
        <Route path={TASK_ROUTE} element={<BoardPage />} />
        <Route
          path={WORKLOAD_PATH}
          element={
            <Deferred part={workloadPage} fallback={<WorkloadLoading />}>
              {({ WorkloadPage }) => <WorkloadPage />}
            </Deferred>
          }
        />
        <Route
          path={DAY_SHEET_PATH}
          element={
            <Deferred part={daySheetPage} fallback={<WorkloadLoading />}>
              {({ DaySheetPage }) => <DaySheetPage />}
            </Deferred>
          }
        />
        <Route
          path={SHORT_LINK_ROUTE}
          element={
            <Deferred part={shortLinkPage} fallback={<ShortLinkLoading />}>
              {({ ShortLinkPage }) => <ShortLinkPage />}
            </Deferred>
          }
        />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </ErrorBoundary>
  )
}

/** `/` has nothing of its own; keep any query so a shortened link still opens its view. */
function RedirectToBoard() {
  const { search } = useLocation()
  return <Navigate to={boardHrefKeeping(search)} replace />
}

function WorkloadLoading() {
  const { t } = useI18n()
  return <main className="page-message muted">{t.workload.loading}</main>
}

function ShortLinkLoading() {
  const { t } = useI18n()
  return <main className="page-message muted">{t.pages.openingView}</main>
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
function RouteError({ error }: { error: Error }) {
  const { t } = useI18n()
  return (
    <main className="page-message" role="alert">
      <h1>{t.pages.broken}</h1>
      <p className="muted">{error.message}</p>
      <p>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          {t.pages.reload}
        </button>
      </p>
    </main>
  )
}
