import type { UpstreamAnswer } from './upstream-get.ts'

/** A call that did not give a usable answer: an error status, an unreadable body, or no answer at all. */
export class UpstreamError extends Error {
  /** The upstream's status; null when no answer came (network, timeout). */
  readonly status: number | null
  /** How long a 429 asked to wait, in ms; null when it did not say. */
  readonly retryAfterMs: number | null

  constructor(message: string, status: number | null, retryAfterMs: number | null = null) {
    super(message)
    this.name = 'UpstreamError'
    this.status = status
    this.retryAfterMs = retryAfterMs
  }
}

/** An error for a non-2xx answer, with the upstream's own message when it sent the API's error shape. */
export function toUpstreamError(answer: UpstreamAnswer, now: number): UpstreamError {
  const json = answer.json
  const message =
    typeof json === 'object' && json !== null && typeof (json as { message?: unknown }).message === 'string'
      ? (json as { message: string }).message.slice(0, 500)
      : `The tasks API answered with status ${answer.status}.`
  return new UpstreamError(message, answer.status, parseRetryAfter(answer.headers.retryAfter, now))
}

/** `Retry-After` in seconds or as an HTTP date, in ms from `now`; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (value === null || value.trim() === '') return null
  const text = value.trim()
  if (/^\d+$/.test(text)) return Number(text) * 1000
  const date = Date.parse(text)
  return Number.isNaN(date) ? null : Math.max(0, date - now)
}

/** Any failure as an UpstreamError: what `getUpstream` rejected with becomes "no answer". */
export function asUpstreamError(error: unknown): UpstreamError {
  if (error instanceof UpstreamError) return error
  const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')
  return new UpstreamError(
    timedOut ? 'The tasks API did not answer in time.' : 'The tasks API could not be reached.',
    null,
  )
}
