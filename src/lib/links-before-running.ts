/**
 * Until the board runs, a link on the server's first screen is the
 * browser's to follow. React takes a click on markup it has not taken over
 * yet by taking the whole screen over at once, and the board would then
 * fetch and render the new view while still starting: measured, a new page
 * from the server was on screen in about half that time. So a capturing
 * listener keeps such clicks from the board (the browser still follows the
 * link), and a page that is being left does not start the board.
 * `releaseLinks` hands links to the board once its first render is on the
 * page.
 */
let held = false
let leaving = false

export function holdLinksUntilRunning(): void {
  if (held) return
  held = true
  document.addEventListener('click', followedByBrowser, { capture: true })
}

export function releaseLinks(): void {
  held = false
  document.removeEventListener('click', followedByBrowser, { capture: true })
}

/** Whether a link was followed in this page before the board ran: the page is on its way out. */
export function isLeaving(): boolean {
  return leaving
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
