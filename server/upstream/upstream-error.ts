import { scrubSecrets } from './scrub-secrets.ts'

/**
 * Why an upstream call gave no usable answer:
 * - timeout, unreachable, too-large, busy, aborted, bad-path: no answer came (or none was asked for);
 * - refused: the upstream answered with an error status;
 * - unreadable: it answered 2xx with a body that is not what the endpoint sends.
 */
export type UpstreamFailure =
  'timeout' | 'unreachable' | 'too-large' | 'busy' | 'aborted' | 'bad-path' | 'refused' | 'unreadable'

/** The one error of an upstream call. Its message is the sentence the browser may be shown. */
export class UpstreamError extends Error {
  readonly kind: UpstreamFailure
  /** The upstream's status when it answered (refused); null when no answer came. */
  readonly status: number | null
  /** How long a refusal asked to wait, in ms; null when it did not say. */
  readonly retryAfterMs: number | null

  constructor(
    kind: UpstreamFailure,
    message: string,
    status: number | null = null,
    retryAfterMs: number | null = null,
  ) {
    super(message)
    this.name = 'UpstreamError'
    this.kind = kind
    this.status = status
    this.retryAfterMs = retryAfterMs
  }
}

/** Every sentence an upstream failure is worded with, side by side. */
export const upstreamFailureWords = {
  timeout: (timeoutMs: number) =>
    `The tasks API did not answer within ${Number((timeoutMs / 1000).toFixed(1))} seconds.`,
  unreachable: 'The tasks API could not be reached.',
  tooLarge: 'The tasks API sent an answer too large to pass on.',
  busy: 'The server is busy; try again in a moment.',
  aborted: 'The caller went away.',
  badPath: (path: string) => `Not a plain API path: ${path}`,
  status: (status: number) => `The tasks API answered with status ${status}.`,
  unreadableList: 'The tasks API sent a task list that could not be read.',
  unreadableUser: 'The tasks API sent a user that could not be read.',
} as const

/** How the app server answers a failed upstream call: the status and headers of its JSON error. */
export function failureResponse(error: UpstreamError): { status: number; headers: Record<string, string> } {
  switch (error.kind) {
    case 'timeout':
      return { status: 504, headers: {} }
    case 'busy':
      return { status: 503, headers: { 'retry-after': '1' } }
    case 'refused':
      return { status: error.status ?? 502, headers: {} }
    default:
      return { status: 502, headers: {} }
  }
}

interface AnswerLike {
  status: number
  headers: Headers
  body: Buffer
}

/**
 * A non-2xx answer as an error: the upstream's own `message` when it sent
 * the API's error shape (never a raw body, a stack trace, or a key: those
 * in `keys` and anything shaped like one are scrubbed), else a plain sentence.
 */
export function refusalOf(
  answer: AnswerLike,
  { keys = [], now = Date.now() }: { keys?: readonly (string | undefined)[]; now?: number } = {},
): UpstreamError {
  return new UpstreamError(
    'refused',
    upstreamMessage(answer.body, answer.status, keys),
    answer.status,
    parseRetryAfter(answer.headers.get('retry-after'), now),
  )
}

function upstreamMessage(body: Buffer, status: number, keys: readonly (string | undefined)[]): string {
  try {
    const parsed: unknown = JSON.parse(body.toString('utf8'))
    if (typeof parsed === 'object' && parsed !== null) {
      const message = (parsed as Record<string, unknown>).message
      if (typeof message === 'string' && message.trim() !== '' && message.length <= 500 && !/\n\s+at /.test(message)) {
        return scrubSecrets(message, keys)
      }
    }
  } catch {
    // Not JSON: the plain sentence.
  }
  return upstreamFailureWords.status(status)
}

/** `Retry-After` in seconds or as an HTTP date, in ms from `now`; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (value === null || value.trim() === '') return null
  const text = value.trim()
  if (/^\d+$/.test(text)) return Number(text) * 1000
  const date = Date.parse(text)
  return Number.isNaN(date) ? null : Math.max(0, date - now)
}

/** Any failure of work that called upstream, as an UpstreamError: anything else counts as no answer. */
export function asUpstreamError(error: unknown): UpstreamError {
  return error instanceof UpstreamError ? error : new UpstreamError('unreachable', upstreamFailureWords.unreachable)
}
