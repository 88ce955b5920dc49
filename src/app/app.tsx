import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { I18nProvider, type Language } from '../lib/i18n/i18n.tsx'
import { AppRoutes } from './router.tsx'

/** The whole app; `routes` is the routes under the browser's router unless the server renders them under its own. */
export function App({
  language,
  queryClient,
  routes = <AppRoutes />,
}: {
  language: Language
  queryClient: QueryClient
  routes?: ReactNode
}) {
  return (
    <I18nProvider initial={language}>
      <QueryClientProvider client={queryClient}>{routes}</QueryClientProvider>
    </I18nProvider>
  )
}
