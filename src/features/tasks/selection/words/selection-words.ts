import { deferredWords } from '../../../../lib/i18n/deferred-words.ts'
import { selectionWordsDe } from './de.ts'
import { selectionWordsEn } from './en.ts'

/** `useI18n` for changes on many tasks: their words join the board's in the user's language. */
export const useSelectionI18n = deferredWords({ en: selectionWordsEn, de: selectionWordsDe }).useWords
