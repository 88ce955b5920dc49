import type { ApiErrorReason } from './api-error.ts'
import type { Messages } from './i18n/en.ts'

/** Our own account of an API failure, in the words of catalogue `t`. */
export function reasonInWords(reason: ApiErrorReason, t: Messages): string {
  const words = t.errors.reasons
  switch (reason.code) {
    case 'timeout':
      return words.timeout(reason.seconds)
    case 'not-json':
      return words.notJson(reason.contentType)
    case 'not-a-list':
      return words.notAList(reason.found, reason.what)
    case 'no-readable-rows':
      return words.noReadableRows(reason.count, reason.what)
    case 'unreadable-item':
      return words.unreadableItem(reason.what)
  }
}
