import type { RenderedScreen } from '../features/tasks/api/first-view-handover.ts'
import { prefetchFirstView } from '../features/tasks/board/prefetch-first-view.ts'
import type { SavedView } from '../features/views/api/saved-views.ts'
import { isBareBoardArrival } from '../features/views/bare-board-arrival.ts'
import { settleDefaultView } from '../features/views/default-view-arrival.ts'
import { createQueryClient } from './query-client.ts'

/**
 * The app's query client, with the first view's rows already asked for.
 * main.tsx imports this module first, so the request leaves while the rest
 * of the app (React DOM, the router, the board) is still being evaluated.
 */
export const queryClient = createQueryClient()

export interface FirstAddress {
  /** The default view a page load of the bare board became, or null. */
  defaultView: SavedView | null
  /** What the server assumed when it rendered the first screen from the handed-over answer the board took, or null. */
  screen: RenderedScreen | null
}

let firstRenderDone: () => void = () => {}
const firstRender = new Promise<void>((resolve) => (firstRenderDone = resolve))
/** Called once the first render is on the page: the rest of a long handed-over page is read after it. */
export { firstRenderDone }

async function taken(defaultView: SavedView | null): Promise<FirstAddress> {
  const handover = await prefetchFirstView(queryClient, window.location, document, () => firstRender)
  return { defaultView, screen: handover?.screen ?? null }
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
  ? settleDefaultView(queryClient, window).then(taken)
  : taken(null)
