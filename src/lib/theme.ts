/** Light, dark, or whatever the system says; the choice is kept in this browser. */
export const THEMES = ['system', 'light', 'dark'] as const
export type Theme = (typeof THEMES)[number]

const STORAGE_KEY = 'task-board.theme'

export function readTheme(): Theme {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY)
    return (THEMES as readonly string[]).includes(stored ?? '') ? (stored as Theme) : 'system'
  } catch {
    return 'system'
  }
}

/** Sets the color-scheme the stylesheet's light-dark() colours follow. */
export function applyTheme(theme: Theme): void {
  if (theme === 'system') delete document.documentElement.dataset.theme
  else document.documentElement.dataset.theme = theme
}

export function saveTheme(theme: Theme): void {
  applyTheme(theme)
  try {
    if (theme === 'system') window.localStorage.removeItem(STORAGE_KEY)
    else window.localStorage.setItem(STORAGE_KEY, theme)
  } catch {
    // Without storage the choice lasts for this page only.
  }
}
