import { en } from './i18n/en.ts'
import { reasonInWords } from './reason-in-words.ts'

/**
 * Every way a call to the tasks API or to the app server can fail, as one
 * type. The UI words for these live with the UI; this module only classifies (`message` is the
 * English account, for logs).
 */
export type ApiErrorKind =
  | 'http' // the server answered with a non-2xx status
  | 'network' // no answer at all: offline, DNS, connection refused
  | 'timeout' // the client gave up waiting
  | 'invalid-json' // a 2xx body that is not JSON (a proxy's HTML page, a truncated body)
  | 'unexpected-shape' // JSON, but not what the endpoint documents

/** The shapes of JSON a response can have, for saying what came instead of a list. */
export type JsonKind = 'null' | 'list' | 'object' | 'string' | 'number' | 'boolean'
/** The lists the board reads. */
export type ListName = 'tasks' | 'task types' | 'users' | 'customers'

/**
 * What went wrong, as facts the UI puts into words in the user's language
 * (`reasonInWords`); `message` says the same in English, for logs.
 */
export type ApiErrorReason =
  | { code: 'timeout'; seconds: number }
  | { code: 'not-json'; contentType: string | null }
  | { code: 'not-a-list'; found: JsonKind; what: ListName }
  | { code: 'no-readable-rows'; count: number; what: ListName }
  | { code: 'unreadable-item'; what: 'task' | 'user' }

export interface ApiErrorInit {
  kind: ApiErrorKind
  /** Defaults to the reason in English. */
  message?: string
  reason?: ApiErrorReason
  status?: number
  details?: string[]
  retryAfterMs?: number | null
  body?: unknown
  cause?: unknown
}

export class ApiError extends Error {
  readonly kind: ApiErrorKind
  /** HTTP status for `http` errors, else null. */
  readonly status: number | null
  /** The `errors[].message` entries of the API's error body. */
  readonly details: string[]
  /** From a 429's `Retry-After`, in milliseconds; null when absent or unreadable. */
  readonly retryAfterMs: number | null
  /** Our own account of the failure (not the server's words); null for HTTP errors and network failures. */
  readonly reason: ApiErrorReason | null
  /** An error answer's JSON, null when it had none: the app server's refusals carry their code (and a 409 its `current`) here. */
  readonly body: unknown

  constructor(init: ApiErrorInit) {
    super(init.message ?? (init.reason ? reasonInWords(init.reason, en) : init.kind), { cause: init.cause })
    this.name = 'ApiError'
    this.kind = init.kind
    this.status = init.status ?? null
    this.details = init.details ?? []
    this.retryAfterMs = init.retryAfterMs ?? null
    this.reason = init.reason ?? null
    this.body = init.body ?? null
  }

  /** A 4xx other than 429: asking again will not help. */
  get isClientError(): boolean {
    return this.status !== null && this.status >= 400 && this.status < 500 && this.status !== 429
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError
}

/**
 * Reads `Retry-After` in either of its HTTP forms: delay in seconds or an
 * HTTP date. Never throws; null when the header is missing or unreadable.
 */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | null {
  if (value === null) return null
  const trimmed = value.trim()
  if (trimmed === '') return null
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000
  // An HTTP date names its month; anything else Date.parse accepts ("-1") is not one.
  if (!/[a-z]/i.test(trimmed)) return null
  const date = Date.parse(trimmed)
  if (Number.isNaN(date)) return null
  return Math.max(0, date - now)
}
