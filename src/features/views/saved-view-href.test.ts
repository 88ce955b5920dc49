import { expect, test } from 'vitest'
import { savedViewHref } from './saved-view-href.ts'

test.each([
  ['tab=open', '', '/tasks?tab=open'],
  ['', '', '/tasks'],
  ['tab=open', '?tab=all&page=3&utm=x', '/tasks?tab=open&utm=x'],
  ['', '?utm=x', '/tasks?utm=x'],
])('view %s from %s goes to %s: parameters the board does not own ride along', (query, current, href) => {
  expect(savedViewHref(query, new URLSearchParams(current))).toBe(href)
})
