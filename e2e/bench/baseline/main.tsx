/**
 * The benchmark's baseline: the smallest page that shows the same view as the
 * board with the same libraries (TanStack Query and Table, react-router's
 * useSearchParams), and nothing else. No features, no virtualisation, no
 * prefetch, no validation: what a bare table costs. Built with the project's
 * Vite config into dist-baseline/ and served under /baseline/ by the app
 * server only when the benchmark starts it so.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { createBrowserRouter, RouterProvider } from 'react-router'
import { BaselinePage } from './baseline-page.tsx'

const router = createBrowserRouter([{ path: '/tasks', element: <BaselinePage /> }], { basename: '/baseline' })
const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } } })

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
)
