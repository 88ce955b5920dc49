import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import { de } from './de.ts'
import { en, type Messages } from './en.ts'

export const LOCALES = { en, de } as const
export type Locale = keyof typeof LOCALES

const STORAGE_KEY = 'task-board.locale'

/** The stored choice, else the browser's first language we speak, else English. */
export function initialLocale(): Locale {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY)
    if (stored === 'en' || stored === 'de') return stored
  } catch {
    // No storage: fall back to the browser's languages.
  }
  for (const language of navigator.languages) {
    const base = language.toLowerCase().split('-')[0]
    if (base === 'de' || base === 'en') return base
  }
  return 'en'
}

interface I18n {
  t: Messages
  locale: Locale
  setLocale: (locale: Locale) => void
}

// Without a provider (component tests), English.
const I18nContext = createContext<I18n>({ t: en, locale: 'en', setLocale: () => {} })

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState(initialLocale)
  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next)
    try {
      window.localStorage.setItem(STORAGE_KEY, next)
    } catch {
      // The choice then lasts for this page only.
    }
  }, [])
  useEffect(() => {
    document.documentElement.lang = locale
  }, [locale])
  const value = useMemo(() => ({ t: LOCALES[locale], locale, setLocale }), [locale, setLocale])
  return <I18nContext value={value}>{children}</I18nContext>
}

/** The words and the locale for dates and numbers, in the user's language. */
export function useI18n(): I18n {
  return useContext(I18nContext)
}
