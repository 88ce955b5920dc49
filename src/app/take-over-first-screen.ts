import type { RenderedScreen } from '../shared/tasks/api/first-view-handover.ts'
import { DISPLAYED_ITEMS } from '../shared/display-cookie.ts'
import type { Locale } from '../lib/i18n/locales.ts'
import { browserTimeZone, formattingSample } from '../lib/format.ts'
import { readStored } from '../lib/storage.ts'

/**
 * Whether the board's first render in this browser would be the markup the
 * server rendered: same language, same time zone, dates formatted alike, the
 * same stored preferences, and no saved view this tab came from (its status
 * is not in the cookie).
 * Only then does React take the markup over (hydrate); otherwise it renders
 * afresh over it, and the screen shows the server's guess only until then.
 */
export function mayTakeOver(screen: RenderedScreen, locale: Locale): boolean {
  return (
    screen.locale === locale &&
    screen.timeZone === browserTimeZone() &&
    screen.formatting === formattingSample({ locale, timeZone: screen.timeZone }) &&
    DISPLAYED_ITEMS.every((item) => (screen.stored[item] ?? null) === readStored(item)) &&
    Object.keys(screen.stored).every((item) => (DISPLAYED_ITEMS as readonly string[]).includes(item)) &&
    readStored('openedView') === null
  )
}
