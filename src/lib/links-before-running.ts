/**
 * Until the board runs, a link on the server's first screen is the
 * browser's to follow. React takes a click on markup it has not taken over
 * yet by taking the whole screen over at once, and the board would then
 * fetch and render the new view while still starting: measured, a new page
 * from the server was on screen in about half that time. So a capturing
 * listener keeps such clicks from the board (the browser still follows the
 * link), and a page that is being left does not start the board
 * (`untilStaying`). `releaseLinks` hands links to the board once its first
 * render is on the page.
 */
let held = false
let leaving = false

/**
 * How long a page that followed a link waits for the next page before it
 * starts the board after all: the navigation was stopped, or never came.
 */
const STAY_MS = 3000

export function holdLinksUntilRunning(): void {
  if (held) return
  held = true
  document.addEventListener('click', followedByBrowser, { capture: true })
}

export function releaseLinks(): void {
  held = false
  document.removeEventListener('click', followedByBrowser, { capture: true })
}

/**
 * Resolves at once on a page that followed no link; on one that did, only
 * if it is still here after STAY_MS, or is shown again from the browser's
 * back-forward cache: the board starts on a page that stays, and never on
 * one being left.
 */
export function untilStaying(): Promise<void> {
  if (!leaving) return Promise.resolve()
  return new Promise((resolve) => {
    const stay = () => {
      leaving = false
      clearTimeout(timer)
      removeEventListener('pageshow', shownAgain)
      resolve()
    }
    const shownAgain = (event: PageTransitionEvent) => {
      if (event.persisted) stay()
    }
    const timer = setTimeout(stay, STAY_MS)
    addEventListener('pageshow', shownAgain)
  })
}

function followedByBrowser(event: MouseEvent): void {
  const link = event.target instanceof Element ? event.target.closest('a[href]') : null
  if (!(link instanceof HTMLAnchorElement)) return
  event.stopPropagation()
  const replacesPage =
    event.button === 0 &&
    !event.metaKey &&
    !event.ctrlKey &&
    !event.shiftKey &&
    !event.altKey &&
    !link.hasAttribute('download') &&
    (link.target === '' || link.target === '_self') &&
    link.origin === location.origin
  if (replacesPage && !event.defaultPrevented) leaving = true
}
