/** Each language by its own name. */
export const LANGUAGE_NAMES = { en: 'English', de: 'Deutsch' } as const
export type Locale = keyof typeof LANGUAGE_NAMES

/**
 * The stored choice, else the first of the reader's languages we speak
 * (the browser's, or the app server's reading of the same list from
 * `Accept-Language`), else English.
 */
export function pickLocale(stored: string | null | undefined, languages: readonly string[]): Locale {
  if (stored === 'en' || stored === 'de') return stored
  for (const language of languages) {
    const base = language.trim().toLowerCase().split('-')[0]
    if (base === 'de' || base === 'en') return base
  }
  return 'en'
}

/** The languages of an `Accept-Language` header, most wanted first; a language refused (`q=0`) is left out. */
export function acceptedLanguages(header: string | undefined): string[] {
  return (header ?? '')
    .split(',')
    .map((entry, order) => {
      const [tag = '', ...params] = entry.split(';')
      const q = params.map((param) => /^\s*q=([\d.]+)\s*$/.exec(param)?.[1]).find((value) => value !== undefined)
      return { tag: tag.trim(), weight: q === undefined ? 1 : Number(q), order }
    })
    .filter(({ tag, weight }) => tag !== '' && weight > 0)
    .sort((a, b) => b.weight - a.weight || a.order - b.order)
    .map(({ tag }) => tag)
}
