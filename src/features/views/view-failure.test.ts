import { expect, test } from 'vitest'
import { de as deBoard } from '../../shared/i18n/de.ts'
import { en as enBoard } from '../../shared/i18n/en.ts'
import { withViewWords, type ViewMessages } from './words/view-words.ts'
import { ApiError } from '../../shared/api-error.ts'
import { isNameTaken, staleCurrent } from './api/view-changes.ts'
import { appFailureInWords, describeViewFailure } from './view-failure.ts'

const en = withViewWords(enBoard, 'en')
const de = withViewWords(deBoard, 'de')

// The bodies as server/http/answer-failure.ts sends them.
const current = {
  id: 'abc',
  name: 'Heating',
  query: 'q=heating',
  columns: null,
  widths: null,
  density: null,
  scope: 'team',
  version: 4,
  updatedBy: { name: 'Sabine' },
  updatedAt: '2026-12-02T05:00:00.000Z',
}
/** An error answer of the app server, as the client reads it. */
const answered = (status: number, message: string, body: unknown = null) =>
  new ApiError({ kind: 'http', status, message, body })
const refusal = (status: number, code: string, extra: object = {}) =>
  answered(status, `refused: ${code}`, {
    message: `refused: ${code}`,
    errors: [{ message: `refused: ${code}`, code }],
    ...extra,
  })

test.each([
  [refusal(409, 'name-taken'), en.viewActions.nameTaken],
  [refusal(423, 'locked'), en.viewActions.lockedRefusal],
  [
    answered(503, 'Saved views are unavailable: the database cannot be reached.'),
    `${en.viewActions.failed} Saved views are unavailable: the database cannot be reached. Nothing saved is lost; try again shortly.`,
  ],
  [
    new ApiError({
      kind: 'network',
      message: 'The server could not be reached.',
      cause: new TypeError('fetch failed'),
    }),
    `${en.viewActions.failed} The server could not be reached.`,
  ],
])('%s is told as “%s”', (error, text) => {
  expect(describeViewFailure(error, en)).toBe(text)
})

// Each failure the app server answers (server/http/answer-failure.ts, write-guard.ts, the views and session routes), in English as it words it.
const SERVER_FAILURES = [
  refusal(404, 'not-found'),
  refusal(409, 'stale', { current }),
  refusal(403, 'forbidden'),
  refusal(409, 'full'),
  answered(400, 'name: Too big: expected string to have <=80 characters'),
  answered(401, 'Sign in to use saved views.'),
  answered(403, 'Cross-site requests cannot change saved data.'),
  answered(404, 'Not found'),
  answered(413, 'The body is larger than 65536 bytes.'),
  answered(415, 'Send the body as application/json.'),
  answered(429, 'Too many changes in a short time; wait a moment.'),
  answered(502, 'The tasks API did not answer in time.'),
  answered(503, 'Saved views are unavailable: the database cannot be reached.'),
  answered(500, 'Internal error'),
  new ApiError({ kind: 'network', message: 'The server could not be reached.', cause: new TypeError('fetch failed') }),
  new ApiError({ kind: 'unexpected-shape', message: 'The server answered with something that is not a view.' }),
]

/** Which catalogue entry a sentence is, so the two languages can be compared entry by entry. */
function entryOf(sentence: string, t: ViewMessages, status: number | null): string | undefined {
  const entries = { ...t.appFailure, nameTaken: t.viewActions.nameTaken, locked: t.viewActions.lockedRefusal }
  return Object.entries(entries).find(
    ([, words]) => (typeof words === 'function' ? words(status ?? 0) : words) === sentence,
  )?.[0]
}

test.each(SERVER_FAILURES)('%s is told in the board’s own words in each language, never the server’s', (error) => {
  const english = appFailureInWords(error, en)
  const german = appFailureInWords(error, de)
  expect(entryOf(english, en, error.status)).toBeDefined()
  expect(entryOf(german, de, error.status)).toBe(entryOf(english, en, error.status))
  expect(german).not.toContain(error.message)
})

test('a team at its most views is told so, not that someone changed the view', () => {
  expect(appFailureInWords(refusal(409, 'full'), en)).toBe(en.appFailure.full)
})

test('a status the board has no words for is named by its number', () => {
  expect(appFailureInWords(answered(500, 'Internal error'), de)).toBe(
    'Der Server hat mit einem Fehler geantwortet (HTTP 500).',
  )
})

test('a stale refusal yields the view as it is now; other refusals none', () => {
  expect(staleCurrent(refusal(409, 'stale', { current }))).toEqual(current)
  expect(staleCurrent(refusal(409, 'name-taken'))).toBeNull()
  expect(staleCurrent(refusal(409, 'stale', { current: { ...current, version: 'four' } }))).toBeNull()
  expect(staleCurrent(new Error('stale'))).toBeNull()
})

test('only a 409 naming the name is a name taken', () => {
  expect(isNameTaken(refusal(409, 'name-taken'))).toBe(true)
  expect(isNameTaken(refusal(409, 'stale', { current }))).toBe(false)
  expect(isNameTaken(refusal(400, 'name-taken'))).toBe(false)
})
