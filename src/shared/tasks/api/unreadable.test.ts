import { expect, test } from 'vitest'
import { hasUnreadable, isUnreadable, toUnreadable } from './unreadable.ts'

test.each([
  ['the marker with a value', { $unreadable: 'number', value: '42' }, { unreadable: 'number', raw: '42' }],
  ['the marker without one', { $unreadable: 'object' }, { unreadable: 'object', raw: null }],
  [
    'a marker whose value is not text',
    { $unreadable: 'number', value: { ssn: 'x' } },
    { unreadable: 'number', raw: null },
  ],
  ['a marker with a strange kind', { $unreadable: '<b>' }, { unreadable: 'unknown', raw: null }],
  ['a number', 42, { unreadable: 'number', raw: '42' }],
  ['a boolean', false, { unreadable: 'boolean', raw: 'false' }],
  ['a short string', 'Anna', { unreadable: 'string', raw: 'Anna' }],
  ['a long string', 'a'.repeat(41), { unreadable: 'string', raw: null }],
  ['an object', { email: 'a@b.c' }, { unreadable: 'object', raw: null }],
  ['a list', ['a'], { unreadable: 'array', raw: null }],
])('reads %s', (_, value, expected) => {
  expect(toUnreadable(value)).toEqual(expected)
})

test('finds an unreadable value at any depth', () => {
  const unreadable = toUnreadable(1)
  expect(isUnreadable(unreadable)).toBe(true)
  expect(hasUnreadable({ a: null, b: ['x', 'y'], c: { d: 1 } })).toBe(false)
  expect(hasUnreadable({ a: null, b: ['x', unreadable] })).toBe(true)
  expect(hasUnreadable({ c: { d: { e: unreadable } } })).toBe(true)
})
