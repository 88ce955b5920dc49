import fc from 'fast-check'
import { expect, test } from 'vitest'
import { formatSearchString } from './search-string.ts'

test('leaves colons and commas readable', () => {
  const params = new URLSearchParams([
    ['priority', 'high,urgent'],
    ['sort', 'dueDate:asc'],
  ])
  expect(formatSearchString(params)).toBe('priority=high,urgent&sort=dueDate:asc')
})

test.each([
  ['a&b', 'q=a%26b'],
  ['#1', 'q=%231'],
  ['100%', 'q=100%25'],
  ['%3A', 'q=%253A'],
  ['1+1', 'q=1%2B1'],
  ['two words', 'q=two+words'],
  ['Müller', 'q=M%C3%BCller'],
  ['a=b', 'q=a%3Db'],
])('still escapes what would change the meaning: %s', (q, expected) => {
  expect(formatSearchString(new URLSearchParams({ q }))).toBe(expected)
})

test('property: any parameters read back unchanged', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.string(), fc.string({ unit: 'grapheme' })), { maxLength: 8 }), (pairs) => {
      const text = formatSearchString(new URLSearchParams(pairs))
      expect([...new URLSearchParams(text)]).toEqual(pairs)
      expect(text).not.toMatch(/%3A|%2C/i)
    }),
    { numRuns: 1000 },
  )
})
