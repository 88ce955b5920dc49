import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { I18nProvider, type Language } from '../lib/i18n/i18n.tsx'
import { AppRoutes } from './router.tsx'

export function App({ language, queryClient }: { language: Language; queryClient: QueryClient }) {
  return (
    <I18nProvider initial={language}>
      <QueryClientProvider client={queryClient}>
        <AppRoutes />
      </QueryClientProvider>
    </I18nProvider>
  )
}
