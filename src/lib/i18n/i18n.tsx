import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { en, type Messages } from '../../shared/i18n/en.ts'
import { readStored, writeStored } from '../storage.ts'
import { pickLocale, type Locale } from './locales.ts'

// The catalogues themselves load only when a language is used.
export { LANGUAGE_NAMES, type Locale } from './locales.ts'

// English ships with the page (and is the fallback); other catalogues are fetched on first use.
const CATALOGUES: Record<Locale, () => Promise<Messages>> = {
  en: () => Promise.resolve(en),
  de: () => import('../../shared/i18n/de.ts').then((module) => module.de),
}
const loaded = new Map<Locale, Messages>([['en', en]])

export interface Language {
  locale: Locale
  t: Messages
}

/** The language with its catalogue, fetched once; English when it cannot be fetched (e.g. offline). */
export async function loadLanguage(locale: Locale): Promise<Language> {
  const known = loaded.get(locale)
  if (known) return { locale, t: known }
  try {
    const t = await CATALOGUES[locale]()
    loaded.set(locale, t)
    return { locale, t }
  } catch {
    return { locale: 'en', t: en }
  }
}

/** The stored choice, else the browser's first language we speak, else English. */
export function initialLocale(): Locale {
  return pickLocale(readStored('locale'), navigator.languages)
}

interface I18n {
  t: Messages
  locale: Locale
  setLocale: (locale: Locale) => void
}

// Without a provider (component tests), English.
const I18nContext = createContext<I18n>({ t: en, locale: 'en', setLocale: () => {} })

/** Starts with a catalogue loaded before the first render, so the page never flashes another language. */
export function I18nProvider({
  initial = { locale: 'en', t: en },
  children,
}: {
  initial?: Language
  children: ReactNode
}) {
  const [current, setCurrent] = useState(initial)
  const latest = useRef<Locale>(initial.locale)
  const setLocale = useCallback((next: Locale) => {
    latest.current = next
    void loadLanguage(next).then((language) => {
      // A slower catalogue never overrides a later choice.
      if (latest.current === next) setCurrent(language)
    })
    // Without storage the choice lasts for this page only.
    writeStored('locale', next)
  }, [])
  const { locale, t } = current
  useEffect(() => {
    document.documentElement.lang = locale
  }, [locale])
  const value = useMemo(() => ({ t, locale, setLocale }), [t, locale, setLocale])
  return <I18nContext value={value}>{children}</I18nContext>
}

/** The words and the locale for dates and numbers, in the user's language. */
export function useI18n(): I18n {
  return useContext(I18nContext)
}
