import type { Messages } from '../../../shared/i18n/en.ts'
import { deferredWords } from '../../../lib/i18n/deferred-words.ts'
import { viewWordsDe } from './de.ts'
import { viewWordsEn, type ViewWords } from './en.ts'

/** The board's words with those of saved views, sign-in and the app server's refusals. */
export type ViewMessages = Messages & ViewWords

const viewWords = deferredWords({ en: viewWordsEn, de: viewWordsDe })

export const withViewWords = viewWords.withWords

/** `useI18n` for the views' parts: their words join the board's in the user's language. */
export const useViewI18n = viewWords.useWords
