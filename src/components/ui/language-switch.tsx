import { LANGUAGE_NAMES, useI18n, type Locale } from '../../lib/i18n/i18n.tsx'

export function LanguageSwitch() {
  const { t, locale, setLocale } = useI18n()
  return (
    <label>
      <span className="visually-hidden">{t.board.language}</span>
      <select className="select" value={locale} onChange={(event) => setLocale(event.target.value as Locale)}>
        {(Object.keys(LANGUAGE_NAMES) as Locale[]).map((option) => (
          <option key={option} value={option} lang={option}>
            {LANGUAGE_NAMES[option]}
          </option>
        ))}
      </select>
    </label>
  )
}
