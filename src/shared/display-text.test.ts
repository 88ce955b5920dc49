import { expect, test } from 'vitest'
import { displayText } from './display-text.ts'

test('NUL becomes the replacement character; other text stays as it is', () => {
  expect(displayText('a\u0000b\u0000')).toBe('a\uFFFDb\uFFFD')
  expect(displayText('Heizung\r\n\t„prüfen“ 😀')).toBe('Heizung\r\n\t„prüfen“ 😀')
})
