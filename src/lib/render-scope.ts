import type { WindowWidth } from './display-cookie.ts'
import type { StoredItem } from './storage.ts'

/**
 * What a render reads from the browser when the render is not the browser's
 * own: on the app server, which renders a board's first screen before its
 * scripts arrive, and in the browser while React takes that markup over.
 * Both renders must read the same, or React cannot adopt the markup.
 */
export interface RenderScope {
  /** The clock the table's due dates are measured against. */
  now: number
  /** On the server: what the browser's storage held, as its display cookie said (missing items: none stored). */
  stored?: Partial<Record<StoredItem, string>>
  /** On the server: the browser's time zone, as its display cookie said (or the server's guess). */
  timeZone?: string
  /** The layout the window had, as the display cookie said. */
  windowWidth?: WindowWidth
  /** The table frame's height to render rows for, before it can be measured. */
  frameHeight?: number
}

/**
 * The table's frame height assumed by a render that neither can measure one
 * nor was told the window's height (a first visit): a laptop's. Every row
 * rendered on the server costs the first paint a few milliseconds; the
 * browser renders the rows a taller window needs once it has measured.
 */
export const UNMEASURED_FRAME_HEIGHT = 800

let scope: RenderScope | null = null

/** The scope of the render in progress, or null for the browser's own renders. */
export function currentRenderScope(): RenderScope | null {
  return scope
}

/**
 * Runs a synchronous render in a scope (the server's `renderToString`): no
 * other render can run meanwhile, so concurrent page requests never see each
 * other's scope.
 */
export function renderInScope<T>(next: RenderScope, render: () => T): T {
  const previous = scope
  scope = next
  try {
    return render()
  } finally {
    scope = previous
  }
}

/** For the browser's hydration, which React runs in steps of its own: the scope lasts until `leaveRenderScope`. */
export function enterRenderScope(next: RenderScope): void {
  scope = next
}

export function leaveRenderScope(): void {
  scope = null
}
