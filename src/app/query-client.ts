import { QueryClient } from '@tanstack/react-query'
import { isApiError } from '../shared/api-error.ts'

/** Transient failures (network, 5xx, timeout) are retried this often before the error shows. */
const MAX_TRANSIENT_RETRIES = 1
/** A 429 is retried this often, waiting as the server asks. */
const MAX_RATE_LIMIT_RETRIES = 3
/** Longest wait for a `Retry-After`; beyond it the user sees the error and can retry. */
export const MAX_RETRY_AFTER_MS = 30_000

export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (!isApiError(error)) return false
  if (error.status === 429) {
    return failureCount < MAX_RATE_LIMIT_RETRIES && (error.retryAfterMs ?? 0) <= MAX_RETRY_AFTER_MS
  }
  // A 4xx, a body that is not JSON, or a shape we cannot read will not change on retry.
  if (error.isClientError || error.kind === 'invalid-json' || error.kind === 'unexpected-shape') return false
  return failureCount < MAX_TRANSIENT_RETRIES
}

export function retryDelay(failureCount: number, error: unknown): number {
  if (isApiError(error) && error.status === 429 && error.retryAfterMs !== null) {
    return Math.min(error.retryAfterMs, MAX_RETRY_AFTER_MS)
  }
  return Math.min(1000 * 2 ** failureCount, 8000)
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        retryDelay,
        // Views revisited within this window come from cache without a request.
        staleTime: 30_000,
        refetchOnWindowFocus: true,
      },
    },
  })
}
