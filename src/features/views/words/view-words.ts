import { useMemo } from 'react'
import type { Messages } from '../../../lib/i18n/en.ts'
import { useI18n, type Locale } from '../../../lib/i18n/i18n.tsx'
import { viewWordsDe } from './de.ts'
import { viewWordsEn, type ViewWords } from './en.ts'

// Both languages ship with the views' code: a few hundred bytes, against a second wait when the panel opens.
const VIEW_WORDS: Record<Locale, ViewWords> = { en: viewWordsEn, de: viewWordsDe }

/** The board's words with those of saved views, sign-in and the app server's refusals. */
export type ViewMessages = Messages & ViewWords

export function withViewWords(t: Messages, locale: Locale): ViewMessages {
  return { ...t, ...VIEW_WORDS[locale] }
}

/** `useI18n` for the views' parts: their words join the board's in the user's language. */
export function useViewI18n() {
  const { t, locale, setLocale } = useI18n()
  const withViews = useMemo(() => withViewWords(t, locale), [t, locale])
  return { t: withViews, locale, setLocale }
}
