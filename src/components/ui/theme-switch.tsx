import { useState } from 'react'
import { useI18n } from '../../lib/i18n/i18n.tsx'
import { useRenderEnvironment } from '../../lib/render-environment.tsx'
import { readTheme, saveTheme, THEMES, type Theme } from '../../lib/theme.ts'

export function ThemeSwitch() {
  const { t } = useI18n()
  const { stored } = useRenderEnvironment()
  const [theme, setTheme] = useState(() => (stored ? readTheme(stored.theme ?? null) : readTheme()))
  return (
    <label>
      <span className="visually-hidden">{t.board.theme}</span>
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
            {t.board.themes[option]}
          </option>
        ))}
      </select>
    </label>
  )
}
