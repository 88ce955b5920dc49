import { createContext, use, useMemo } from 'react'
import type { DisplayedItem, WindowWidth } from '../shared/display-cookie.ts'
import { useI18n, type Locale } from './i18n/i18n.tsx'
import type { DateStyle } from './format.ts'

/**
 * What a render reads from the browser, as one value given through context.
 * It is built in two places only: live in the browser (`liveEnvironment`),
 * and from what the browser's display cookie said (`shownEnvironment`) for
 * the app server's render of a first screen and for the browser taking that
 * markup over, so both renders read the same. Components read it with
 * `useRenderEnvironment`, never the browser's globals (ESLint holds
 * src/features and src/components to that).
 */
export interface RenderEnvironment {
  /** The clock a render measures against: "due in 3 h", "updated 5 s ago". */
  now: () => number
  /** The zone dates are shown in; undefined: the browser's own. */
  timeZone: string | undefined
  /** The stored preferences as the display cookie said (a missing item: none); null: the browser's storage. */
  stored: Partial<Record<DisplayedItem, string>> | null
  /** The layout the window has; null: the window's own, as its media queries say. */
  windowWidth: WindowWidth | null
  /** The height of the table's frame before it can be measured: the window's, or as the display cookie said. */
  frameHeight: number
}

/**
 * The frame height assumed by a render that can neither measure one nor was
 * told the window's height (a first visit): a laptop's. Every row rendered on
 * the server costs the first paint a few milliseconds; the browser renders
 * the rows a taller window needs once it has measured.
 */
export const UNMEASURED_FRAME_HEIGHT = 800

/** The browser as it is. */
export function liveEnvironment(): RenderEnvironment {
  return {
    now: () => Date.now(),
    timeZone: undefined,
    stored: null,
    windowWidth: null,
    frameHeight: typeof window === 'undefined' ? UNMEASURED_FRAME_HEIGHT : window.innerHeight,
  }
}

/** A screen as a browser's display cookie described it: rendered on the server, and taken over as rendered there. */
export function shownEnvironment(shown: {
  now: number
  timeZone: string
  stored: Partial<Record<DisplayedItem, string>>
  windowWidth: WindowWidth
  frameHeight: number
}): RenderEnvironment {
  return {
    now: () => shown.now,
    timeZone: shown.timeZone,
    stored: shown.stored,
    windowWidth: shown.windowWidth,
    frameHeight: shown.frameHeight,
  }
}

const RenderEnvironmentContext = createContext<RenderEnvironment>(liveEnvironment())

export const RenderEnvironmentProvider = RenderEnvironmentContext

export function useRenderEnvironment(): RenderEnvironment {
  return use(RenderEnvironmentContext)
}

/** How this render writes dates: the user's language, in the environment's zone. */
export function useDateStyle(): DateStyle & { locale: Locale } {
  const { locale } = useI18n()
  const { timeZone } = useRenderEnvironment()
  return useMemo(() => ({ locale, timeZone }), [locale, timeZone])
}
