import { expect, test } from 'vitest'
import { de as deBoard } from '../../shared/i18n/de.ts'
import { en as enBoard } from '../../shared/i18n/en.ts'
import { formatViewQueryWords } from './view-query-words.ts'
import { withViewWords } from './words/view-words.ts'

const en = withViewWords(enBoard, 'en')
const de = withViewWords(deBoard, 'de')

test.each([
  ['', 'Active, no filters'],
  ['tab=open', 'Open, no filters'],
  ['tab=all&priority=urgent%2Chigh', 'All, 1 filter'],
  ['tab=in_review&q=boiler&assignee=unassigned&sort=dueDate%3Aasc', 'In review, 2 filters'],
  ['tab=nonsense&size=7', 'Active, no filters'],
])('“%s” reads “%s”', (query, words) => {
  expect(formatViewQueryWords(query, en)).toBe(words)
})

test('in German', () => {
  expect(formatViewQueryWords('tab=open&q=heizung', de)).toBe('Offen, 1 Filter')
  expect(formatViewQueryWords('tab=all&q=x&priority=high', de)).toBe('Alle, 2 Filter')
  expect(formatViewQueryWords('', de)).toBe('Aktiv, keine Filter')
})
