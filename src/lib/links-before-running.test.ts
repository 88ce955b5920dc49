import { afterEach, expect, test, vi } from 'vitest'
import { holdLinksUntilRunning, releaseLinks, untilStaying } from './links-before-running.ts'

afterEach(async () => {
  releaseLinks()
  document.body.innerHTML = ''
  // Whatever a test left behind, the next one starts on a page that stays.
  dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }))
  await untilStaying()
  vi.useRealTimers()
})

/** A first screen with a link and a button, and the clicks the board's root listener (React's) would see. */
function screen() {
  document.body.innerHTML = '<div id="root"><a href="#sorted"><span>Due</span></a><button>Filter</button></div>'
  const root = document.getElementById('root')!
  const seen: string[] = []
  root.addEventListener('click', (event) => seen.push((event.target as Element).tagName))
  return { link: root.querySelector('span')!, button: root.querySelector('button')!, seen }
}

/** Whether `promise` has settled once the microtasks queued so far have run. */
async function settled(promise: Promise<void>): Promise<boolean> {
  let done = false
  void promise.then(() => (done = true))
  await Promise.resolve()
  await Promise.resolve()
  return done
}

test('until the board runs, a click on a link is the browser’s: the board never sees it, and the page is left', async () => {
  vi.useFakeTimers()
  const { link, button, seen } = screen()
  holdLinksUntilRunning()
  link.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, ctrlKey: true }))
  // A click that opens a new tab leaves this page where it is: the board may start.
  expect(await settled(untilStaying())).toBe(true)
  button.click()
  expect(seen).toEqual(['BUTTON'])
  link.click()
  expect(seen).toEqual(['BUTTON'])
  // The page is on its way out: the board does not start, unless the next page never comes.
  const staying = untilStaying()
  vi.advanceTimersByTime(2900)
  expect(await settled(staying)).toBe(false)
  vi.advanceTimersByTime(100)
  expect(await settled(staying)).toBe(true)
  expect(await settled(untilStaying())).toBe(true)
})

test('a page left and shown again from the back-forward cache starts the board at once', async () => {
  const { link } = screen()
  holdLinksUntilRunning()
  link.click()
  const staying = untilStaying()
  expect(await settled(staying)).toBe(false)
  dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }))
  expect(await settled(staying)).toBe(true)
})

test('once released, links are the board’s again', () => {
  const { link, seen } = screen()
  holdLinksUntilRunning()
  releaseLinks()
  link.click()
  expect(seen).toEqual(['SPAN'])
})
