import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { Suspense, useEffect, type ReactNode } from 'react'
import { I18nProvider, type Language } from '../lib/i18n/i18n.tsx'
import { RenderEnvironmentProvider, type RenderEnvironment } from '../lib/render-environment.tsx'
import { AppRoutes } from './router.tsx'

/**
 * The whole app; `environment` is what its renders read of the browser (the
 * browser as it is, or as its display cookie described it), `routes` is the
 * routes under the browser's router unless the server renders them under its
 * own, and `onFirstRender` runs once the first render of them is on the page.
 */
export function App({
  language,
  queryClient,
  environment,
  routes = <AppRoutes />,
  onFirstRender,
}: {
  language: Language
  queryClient: QueryClient
  environment: RenderEnvironment
  routes?: ReactNode
  onFirstRender?: () => void
}) {
  return (
    <RenderEnvironmentProvider value={environment}>
      <I18nProvider initial={language}>
        <QueryClientProvider client={queryClient}>
          {/* Markup rendered on the server is taken over inside a boundary: React then does it in short slices,
            letting the browser in between, where the root alone would be one long task. */}
          <Suspense fallback={null}>
            {routes}
            {onFirstRender && <FirstRender onDone={onFirstRender} />}
          </Suspense>
        </QueryClientProvider>
      </I18nProvider>
    </RenderEnvironmentProvider>
  )
}

function FirstRender({ onDone }: { onDone: () => void }) {
  useEffect(onDone, [onDone])
  return null
}
