import { useMemo } from 'react'
import type { Messages } from '../../shared/i18n/en.ts'
import { useI18n, type Locale } from './i18n.tsx'

/**
 * Words that load with the code of a part the first screen never shows (both
 * languages, a few hundred bytes, against a second wait when the part opens),
 * joined to the board's own in the user's language: `withWords` for plain
 * functions, `useWords` as the part's `useI18n`.
 */
export function deferredWords<Words extends object>(words: Record<Locale, Words>) {
  const withWords = (t: Messages, locale: Locale): Messages & Words => ({ ...t, ...words[locale] })
  function useWords() {
    const { t, locale, setLocale } = useI18n()
    const joined = useMemo(() => withWords(t, locale), [t, locale])
    return { t: joined, locale, setLocale }
  }
  return { withWords, useWords }
}
