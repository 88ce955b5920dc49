import type { RenderedScreen } from '../shared/tasks/api/first-view-handover.ts'
import { prefetchFirstView } from '../features/tasks/board/prefetch-first-view.ts'
import type { SavedView } from '../features/views/api/saved-views.ts'
import { isBareBoardArrival } from '../shared/bare-board-arrival.ts'
import { settleDefaultView } from '../features/views/default-view-arrival.ts'
import { createQueryClient } from './query-client.ts'

/**
 * The app's query client, with the first view's rows already asked for (or
 * handed over with the page). main.tsx imports this module first, so the
 * request leaves while the rest of the app (React DOM, the router, the
 * board) is still being evaluated.
 */
export const queryClient = createQueryClient()

export interface FirstAddress {
  /** The default view a page load of the bare board became, or null. */
  defaultView: SavedView | null
  /** What the server assumed when it rendered the first screen of the view the board opens with, or null. */
  screen: RenderedScreen | null
}

function prefetched(defaultView: SavedView | null): FirstAddress {
  return { defaultView, screen: prefetchFirstView(queryClient, window.location) }
}

/**
 * Resolves once the address shows the view the board opens with. Its rows are
 * asked for only then, so the unfiltered board's request never leaves for a
 * board that is not shown. Any other address is asked for at once.
 */
export const firstAddress: Promise<FirstAddress> = isBareBoardArrival(
  window.location.pathname,
  window.location.search,
  window.history.state,
)
  ? settleDefaultView(queryClient, window).then(prefetched)
  : Promise.resolve(prefetched(null))
