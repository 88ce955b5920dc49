import { browserTimeZone } from './format.ts'
import { DISPLAY_COOKIE, DISPLAYED_ITEMS, formatDisplayCookie, type DisplayedItem } from '../shared/display-cookie.ts'
import { currentWindowWidth } from './window-width.ts'

/**
 * Everything the app keeps in the browser, and where: reading preferences in
 * localStorage (they outlive the tab), the saved view this tab came from and
 * the person's look at it before in sessionStorage (gone with the tab), and a copy of the reading preferences
 * with the time zone in a cookie (`display-cookie.ts`), so the app server can
 * render the first screen as this browser shows it. Nothing else is stored: a
 * personal API key lives in the app server's session, the browser holds only
 * its cookie.
 */
const STORED_ITEMS = {
  columns: { area: 'localStorage', key: 'task-board.columns' },
  theme: { area: 'localStorage', key: 'task-board.theme' },
  locale: { area: 'localStorage', key: 'task-board.locale' },
  openedView: { area: 'sessionStorage', key: 'task-board.opened-view' },
  openedViewLook: { area: 'sessionStorage', key: 'task-board.opened-view-look' },
} as const
export type StoredItem = keyof typeof STORED_ITEMS

function areaOf(item: StoredItem): Storage | null {
  try {
    return window[STORED_ITEMS[item].area]
  } catch {
    // Storage can be disabled (a browser setting, some private modes): reading it throws.
    return null
  }
}

/** The stored text, or null when there is none or storage is unavailable. Never throws. */
export function readStored(item: StoredItem): string | null {
  try {
    return areaOf(item)?.getItem(STORED_ITEMS[item].key) ?? null
  } catch {
    return null
  }
}

/**
 * Stores text, or removes the item for null. False when storage refused
 * (unavailable or full): the choice then lasts for this page only. Never throws.
 */
export function writeStored(item: StoredItem, value: string | null): boolean {
  const area = areaOf(item)
  if (!area) return false
  try {
    if (value === null) area.removeItem(STORED_ITEMS[item].key)
    else area.setItem(STORED_ITEMS[item].key, value)
    if ((DISPLAYED_ITEMS as readonly string[]).includes(item)) rememberDisplay()
    return true
  } catch {
    return false
  }
}

const YEAR_SECONDS = 365 * 24 * 3600

/**
 * Copies the stored reading preferences, the browser's time zone and the
 * window's layout and height into the display cookie: at every start and whenever the
 * page is left (a zone changes when a laptop travels, a window is resized),
 * and whenever a preference is stored. Never throws.
 */
export function rememberDisplay(): void {
  try {
    const stored: Partial<Record<DisplayedItem, string>> = {}
    for (const item of DISPLAYED_ITEMS) {
      const text = readStored(item)
      if (text !== null) stored[item] = text
    }
    const timeZone = browserTimeZone()
    const value = formatDisplayCookie({
      stored,
      timeZone,
      windowWidth: currentWindowWidth(),
      windowHeight: Math.round(window.innerHeight),
    })
    const secure = window.location.protocol === 'https:' ? '; Secure' : ''
    document.cookie = `${DISPLAY_COOKIE}=${value}; Path=/; Max-Age=${YEAR_SECONDS}; SameSite=Lax${secure}`
  } catch {
    // Cookies can be disabled: the server then renders the first screen with its defaults.
  }
}
