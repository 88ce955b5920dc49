import { expect, test } from 'vitest'
import { acceptedLanguages, pickLocale } from './locales.ts'

test('the stored choice, else the first language we speak, else English', () => {
  expect(pickLocale('de', ['en-US'])).toBe('de')
  expect(pickLocale(null, ['fr-FR', 'de-AT', 'en'])).toBe('de')
  expect(pickLocale('klingon', ['EN-gb'])).toBe('en')
  expect(pickLocale(undefined, ['fr', 'it'])).toBe('en')
})

test('Accept-Language is read most wanted first, and a refused language is left out', () => {
  expect(acceptedLanguages('fr;q=0.5, de-CH , en;q=0.9')).toEqual(['de-CH', 'en', 'fr'])
  expect(acceptedLanguages('de;q=0, en-GB')).toEqual(['en-GB'])
  expect(acceptedLanguages(undefined)).toEqual([])
  expect(acceptedLanguages(';q=1,, ;')).toEqual([])
  expect(pickLocale(null, acceptedLanguages('de;q=0.1, en;q=0.8'))).toBe('en')
})
