import { isApiError } from '../shared/api-error.ts'
import { reasonInWords } from '../shared/reason-in-words.ts'
import type { Messages } from '../shared/i18n/en.ts'

/** An API failure in words a dispatcher understands, plus the server's own words when it gave any. */
export function describeError(error: unknown, t: Messages): { title: string; detail: string | null } {
  if (!isApiError(error)) return { title: t.errors.generic, detail: null }
  // Our own account in the user's language; the server's words as it sent them.
  const said = [error.reason ? reasonInWords(error.reason, t) : error.message, ...error.details].join(' — ')
  switch (error.kind) {
    case 'network':
      return { title: t.errors.network, detail: t.errors.networkHint }
    case 'timeout':
      return { title: t.errors.timeout, detail: said }
    case 'invalid-json':
    case 'unexpected-shape':
      return { title: t.errors.unexpected, detail: said }
    case 'http':
      return { title: httpTitle(error.status ?? 0, t), detail: said }
  }
}

function httpTitle(status: number, t: Messages): string {
  if (status === 401) return t.errors.unauthorized
  if (status === 403) return t.errors.forbidden
  if (status === 404) return t.errors.notFound
  if (status === 429) return t.errors.rateLimited
  if (status === 400) return t.errors.badRequest
  if (status >= 500) return t.errors.server(status)
  return t.errors.other(status)
}
