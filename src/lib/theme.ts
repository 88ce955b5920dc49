import { readStored, writeStored } from './storage.ts'

/** Light, dark, or whatever the system says; the choice is kept in this browser. */
export const THEMES = ['system', 'light', 'dark'] as const
export type Theme = (typeof THEMES)[number]

/** The theme stored in this browser, or in the text a display cookie says it stores. */
export function readTheme(stored: string | null = readStored('theme')): Theme {
  return THEMES.find((theme) => theme === stored) ?? 'system'
}

/** Sets the color-scheme the stylesheet's light-dark() colours follow. */
export function applyTheme(theme: Theme): void {
  if (theme === 'system') delete document.documentElement.dataset.theme
  else document.documentElement.dataset.theme = theme
}

export function saveTheme(theme: Theme): void {
  applyTheme(theme)
  // Without storage the choice lasts for this page only.
  writeStored('theme', theme === 'system' ? null : theme)
}
