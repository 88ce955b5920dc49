import { expect, test } from 'vitest'
import { changesInWords } from './changes-since-look.ts'
import { viewWordsDe } from './words/de.ts'
import { viewWordsEn } from './words/en.ts'

const en = viewWordsEn.viewChanges
const de = viewWordsDe.viewChanges
const changes = (made: number, changed: number, more = false) => ({ new: made, changed, more, asOf: 0 })

test.each([
  [changes(3, 5), '3 new · 5 changed', '3 neu · 5 geändert'],
  [changes(0, 1), '1 changed', '1 geändert'],
  [changes(2, 0), '2 new', '2 neu'],
  [changes(40, 1060, true), '1,100+ changed', '1.100+ geändert'],
])('%j in words: %s / %s', (figure, english, german) => {
  expect(changesInWords(figure, en, 'en')).toBe(english)
  expect(changesInWords(figure, de, 'de')).toBe(german)
})

test('nothing changed, or nobody could say: no words', () => {
  expect(changesInWords(changes(0, 0), en, 'en')).toBeNull()
  expect(changesInWords(null, en, 'en')).toBeNull()
})
