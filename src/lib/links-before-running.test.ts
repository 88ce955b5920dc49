import { afterEach, expect, test } from 'vitest'
import { holdLinksUntilRunning, isLeaving, releaseLinks } from './links-before-running.ts'

afterEach(() => {
  releaseLinks()
  document.body.innerHTML = ''
})

/** A first screen with a link and a button, and the clicks the board's root listener (React's) would see. */
function screen() {
  document.body.innerHTML = '<div id="root"><a href="#sorted"><span>Due</span></a><button>Filter</button></div>'
  const root = document.getElementById('root')!
  const seen: string[] = []
  root.addEventListener('click', (event) => seen.push((event.target as Element).tagName))
  return { link: root.querySelector('span')!, button: root.querySelector('button')!, seen }
}

test('until the board runs, a click on a link is the browser’s: the board never sees it, and the page is left', () => {
  const { link, button, seen } = screen()
  holdLinksUntilRunning()
  link.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, ctrlKey: true }))
  // A click that opens a new tab leaves this page where it is.
  expect(isLeaving()).toBe(false)
  button.click()
  expect(seen).toEqual(['BUTTON'])
  link.click()
  expect(seen).toEqual(['BUTTON'])
  expect(isLeaving()).toBe(true)
})

test('once released, links are the board’s again', () => {
  const { link, seen } = screen()
  holdLinksUntilRunning()
  releaseLinks()
  link.click()
  expect(seen).toEqual(['SPAN'])
})
