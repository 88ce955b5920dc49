import { useState } from 'react'
import { readTheme, saveTheme, THEMES, type Theme } from '../../lib/theme.ts'

const LABELS: Record<Theme, string> = { system: 'Theme: system', light: 'Theme: light', dark: 'Theme: dark' }

export function ThemeSwitch() {
  const [theme, setTheme] = useState(readTheme)
  return (
    <label>
      <span className="visually-hidden">Colour theme</span>
      <select
        className="select"
        value={theme}
        onChange={(event) => {
          const next = event.target.value as Theme
          setTheme(next)
          saveTheme(next)
        }}
      >
        {THEMES.map((option) => (
          <option key={option} value={option}>
            {LABELS[option]}
          </option>
        ))}
      </select>
    </label>
  )
}
