import { prefetchFirstView } from '../features/tasks/board/prefetch-first-view.ts'
import { createQueryClient } from './query-client.ts'

/**
 * The app's query client, with the first view's rows already asked for.
 * main.tsx imports this module first, so the request leaves while the rest
 * of the app (React DOM, the router, the board) is still being evaluated.
 */
export const queryClient = createQueryClient()
prefetchFirstView(queryClient, window.location)
