import { expect, test } from 'vitest'
import { ApiError } from '../shared/api-error.ts'
import { describeError } from './describe-error.ts'
import { de } from '../shared/i18n/de.ts'
import { en } from '../shared/i18n/en.ts'

const timeout = new ApiError({
  kind: 'timeout',
  message: 'The server did not answer within 20 seconds.',
  reason: { code: 'timeout', seconds: 20 },
})
const notAList = new ApiError({
  kind: 'unexpected-shape',
  message: 'The server sent an object where a list of tasks was expected.',
  reason: { code: 'not-a-list', found: 'object', what: 'tasks' },
})

test('our own account of a failure is in the board language', () => {
  expect(describeError(timeout, en)).toEqual({
    title: en.errors.timeout,
    detail: 'The server did not answer within 20 seconds.',
  })
  expect(describeError(timeout, de).detail).toBe('Der Server hat nicht innerhalb von 20 Sekunden geantwortet.')
  expect(describeError(notAList, de)).toEqual({
    title: de.errors.unexpected,
    detail: 'Der Server hat ein Objekt gesendet, wo eine Liste von Aufgaben erwartet war.',
  })
})

test("the server's own words are shown as it sent them, in any language", () => {
  const error = new ApiError({ kind: 'http', status: 503, message: 'Wartungsarbeiten', details: ['bis 06:00'] })
  expect(describeError(error, en)).toEqual({ title: en.errors.server(503), detail: 'Wartungsarbeiten — bis 06:00' })
})

test('a failure that is not an API error gets the generic words', () => {
  expect(describeError(new Error('boom'), de)).toEqual({ title: de.errors.generic, detail: null })
})
