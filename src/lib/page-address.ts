/**
 * The page's own address, its reload and its printing, for what a person does (copy a
 * link, reload after a failure), never for what a render shows: a render on
 * the server has no page, and ESLint keeps the browser's globals out of the
 * board's components for that reason.
 */
/** Whether there is a page at all: a render on the server has none. */
export function hasPage(): boolean {
  return typeof window !== 'undefined'
}

export function pageOrigin(): string {
  return window.location.origin
}

export function pageHref(): string {
  return window.location.href
}

export function reloadPage(): void {
  window.location.reload()
}

/** The browser's print dialog for the page (its `@media print` styles decide what goes on paper). */
export function printPage(): void {
  window.print()
}
