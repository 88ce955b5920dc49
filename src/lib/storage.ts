/**
 * Everything the app keeps in the browser, and where: reading preferences in
 * localStorage (they outlive the tab), the saved view this tab came from in
 * sessionStorage (gone with the tab). Nothing else is stored: a personal API
 * key lives in the app server's session, the browser holds only its cookie.
 */
const STORED_ITEMS = {
  columns: { area: 'localStorage', key: 'task-board.columns' },
  theme: { area: 'localStorage', key: 'task-board.theme' },
  locale: { area: 'localStorage', key: 'task-board.locale' },
  openedView: { area: 'sessionStorage', key: 'task-board.opened-view' },
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
    return true
  } catch {
    return false
  }
}
