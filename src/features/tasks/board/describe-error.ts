import { isApiError } from '../../../lib/api-error.ts'

/** An API failure in words a dispatcher understands, plus the server's own words when it gave any. */
export function describeError(error: unknown): { title: string; detail: string | null } {
  if (!isApiError(error)) return { title: 'Something went wrong while loading tasks.', detail: null }
  const serverSaid = [error.message, ...error.details].join(' — ')
  switch (error.kind) {
    case 'network':
      return { title: 'The task server could not be reached.', detail: 'Check the connection, then retry.' }
    case 'timeout':
      return { title: 'The task server is taking too long to answer.', detail: error.message }
    case 'invalid-json':
    case 'unexpected-shape':
      return { title: 'The task server sent an unexpected response.', detail: serverSaid }
    case 'http':
      return { title: httpTitle(error.status ?? 0), detail: serverSaid }
  }
}

function httpTitle(status: number): string {
  if (status === 401) return 'The API key is missing or not valid.'
  if (status === 403) return 'This API key may not read tasks.'
  if (status === 404) return 'The task server does not know this address.'
  if (status === 429) return 'The task server is busy and asked us to slow down.'
  if (status === 400) return 'The task server rejected this view.'
  if (status >= 500) return `The task server had a problem (${status}).`
  return `The task server answered with an error (${status}).`
}
