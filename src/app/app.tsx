import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { apiKeyHeaders } from '../lib/api-key-store.ts'
import { I18nProvider, type Language } from '../lib/i18n/i18n.tsx'
import { setApiHeaderProvider } from '../lib/api-client.ts'
import { AppRoutes } from './router.tsx'

// A key the user typed goes with every API call; the server's own key, when it has one, wins upstream.
setApiHeaderProvider(apiKeyHeaders)

export function App({ language, queryClient }: { language: Language; queryClient: QueryClient }) {
  return (
    <I18nProvider initial={language}>
      <QueryClientProvider client={queryClient}>
        <AppRoutes />
      </QueryClientProvider>
    </I18nProvider>
  )
}
