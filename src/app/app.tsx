import { QueryClientProvider } from '@tanstack/react-query'
import { useState } from 'react'
import { RouterProvider } from 'react-router/dom'
import { apiKeyHeaders } from '../lib/api-key-store.ts'
import { I18nProvider } from '../lib/i18n/i18n.tsx'
import { setApiHeaderProvider } from '../lib/api-client.ts'
import { createQueryClient } from './query-client.ts'
import { createRouter } from './router.tsx'

// A key the user typed goes with every API call; the server's own key, when it has one, wins upstream.
setApiHeaderProvider(apiKeyHeaders)

export function App() {
  const [queryClient] = useState(createQueryClient)
  const [router] = useState(createRouter)
  return (
    <I18nProvider>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </I18nProvider>
  )
}
