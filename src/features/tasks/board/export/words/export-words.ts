import { deferredWords } from '../../../../../lib/i18n/deferred-words.ts'
import { exportWordsDe } from './de.ts'
import { exportWordsEn } from './en.ts'

/** `useI18n` for the export dialog: its words join the board's in the user's language. */
export const useExportI18n = deferredWords({ en: exportWordsEn, de: exportWordsDe }).useWords
