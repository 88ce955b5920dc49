import { expect, test } from 'vitest'
import { en } from '../../lib/i18n/en.ts'
import { AppRequestError } from './api/app-request.ts'
import { isNameTaken, staleCurrent } from './api/view-changes.ts'
import { describeViewFailure } from './view-failure.ts'

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
const refusal = (status: number, code: string, extra: object = {}) =>
  new AppRequestError(status, `refused: ${code}`, {
    message: `refused: ${code}`,
    errors: [{ message: `refused: ${code}`, code }],
    ...extra,
  })

test.each([
  [refusal(409, 'name-taken'), en.viewActions.nameTaken],
  [refusal(423, 'locked'), en.viewActions.lockedRefusal],
  [new AppRequestError(503, 'Saved views are unavailable.'), `${en.viewActions.failed} Saved views are unavailable.`],
  [
    new AppRequestError(null, 'The server could not be reached.'),
    `${en.viewActions.failed} The server could not be reached.`,
  ],
])('%s is told as “%s”', (error, text) => {
  expect(describeViewFailure(error, en)).toBe(text)
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
