import { prefetchFirstView } from '../features/tasks/board/prefetch-first-view.ts'
import { setApiHeaderProvider } from '../lib/api-client.ts'
import { apiKeyHeaders } from '../lib/api-key-store.ts'
import { createQueryClient } from './query-client.ts'

// A key the user typed goes with every API call; the server's own key, when it has one, wins upstream.
setApiHeaderProvider(apiKeyHeaders)

/**
 * The app's query client, with the first view's rows already asked for.
 * main.tsx imports this module first, so the request leaves while the rest
 * of the app (React DOM, the router, the board) is still being evaluated.
 */
export const queryClient = createQueryClient()
prefetchFirstView(queryClient, window.location)
