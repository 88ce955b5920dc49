import { deferredWords } from '../../../../lib/i18n/deferred-words.ts'
import { daySheetWordsDe } from './de.ts'
import { daySheetWordsEn } from './en.ts'

/** `useI18n` for the day sheet: its words join the board's in the user's language. */
export const useDaySheetI18n = deferredWords({ en: daySheetWordsEn, de: daySheetWordsDe }).useWords
