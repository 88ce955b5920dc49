import { deferredWords } from '../../../../lib/i18n/deferred-words.ts'
import { workloadWordsDe } from './de.ts'
import { workloadWordsEn } from './en.ts'

/** `useI18n` for the workload page: its words join the board's in the user's language. */
export const useWorkloadI18n = deferredWords({ en: workloadWordsEn, de: workloadWordsDe }).useWords
