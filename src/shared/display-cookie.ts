/**
 * A copy of how this browser shows the board — the display preferences it
 * keeps in storage and its time zone — in a cookie, so the app server can
 * render a board's first screen as this browser would before the board's
 * scripts have arrived. It holds nothing the server does not show back, and
 * the server reads it as untrusted text: the board's own readers make sense
 * of each preference, leniently, exactly as they read storage.
 */
export const DISPLAY_COOKIE = 'tb_display'

/** The stored preferences the first screen depends on (keys of the browser's storage items). */
export const DISPLAYED_ITEMS = ['columns', 'theme', 'locale'] as const
export type DisplayedItem = (typeof DISPLAYED_ITEMS)[number]

/** The board's layouts by window width (`window-width.ts` says where each begins). */
export const WINDOW_WIDTHS = ['wide', 'narrow', 'phone'] as const
export type WindowWidth = (typeof WINDOW_WIDTHS)[number]

export interface DisplaySettings {
  /** The stored items' texts; an item not stored is missing. */
  stored: Partial<Record<DisplayedItem, string>>
  /** An IANA zone name, as the browser's Intl resolves it. */
  timeZone: string
  /** The layout the window last had. */
  windowWidth: WindowWidth
  /** The window's height in CSS pixels when last seen, if known: the server renders the rows that fill it. */
  windowHeight?: number
}

/** Longer than any preferences the board writes; a longer cookie is not read (the server then renders none). */
const MAX_COOKIE_LENGTH = 3000
const MAX_ZONE_LENGTH = 64
/** Heights a window has; anything else is not believed. */
const MIN_HEIGHT = 100
const MAX_HEIGHT = 10_000

/** The cookie's value: URI-encoded JSON, which keeps it within the characters a cookie may hold. */
export function formatDisplayCookie(settings: DisplaySettings): string {
  const { stored: s, timeZone: z, windowWidth: w, windowHeight: h } = settings
  return encodeURIComponent(JSON.stringify({ s, z, w, h }))
}

/** The settings in a cookie's value; null when there is none or it is not one (then nothing is assumed). Never throws. */
export function parseDisplayCookie(value: string | undefined): DisplaySettings | null {
  if (value === undefined || value.length > MAX_COOKIE_LENGTH) return null
  let json: unknown
  try {
    json = JSON.parse(decodeURIComponent(value))
  } catch {
    return null
  }
  if (typeof json !== 'object' || json === null) return null
  const { s, z, w, h } = json as Record<string, unknown>
  const timeZone = typeof z === 'string' ? knownTimeZone(z) : null
  if (timeZone === null || typeof s !== 'object' || s === null) return null
  const stored: DisplaySettings['stored'] = {}
  for (const item of DISPLAYED_ITEMS) {
    const text = (s as Record<string, unknown>)[item]
    if (typeof text === 'string') stored[item] = text
  }
  const windowWidth = WINDOW_WIDTHS.find((width) => width === w) ?? 'wide'
  const windowHeight =
    typeof h === 'number' && Number.isInteger(h) && h >= MIN_HEIGHT && h <= MAX_HEIGHT ? h : undefined
  return windowHeight === undefined
    ? { stored, timeZone, windowWidth }
    : { stored, timeZone, windowWidth, windowHeight }
}

/** The zone's name if Intl knows it, else null: a made-up name must never reach a formatter. */
export function knownTimeZone(name: string): string | null {
  if (name.length === 0 || name.length > MAX_ZONE_LENGTH) return null
  try {
    return new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone
  } catch {
    return null
  }
}
