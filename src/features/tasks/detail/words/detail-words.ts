import { deferredWords } from '../../../../lib/i18n/deferred-words.ts'
import { detailWordsDe } from './de.ts'
import { detailWordsEn } from './en.ts'

/** `useI18n` for the task panel: its words join the board's in the user's language. */
export const useDetailI18n = deferredWords({ en: detailWordsEn, de: detailWordsDe }).useWords
