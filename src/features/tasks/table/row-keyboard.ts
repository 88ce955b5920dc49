import type { KeyboardEvent } from 'react'

export type RowEdge = 'before-first' | 'after-last'

const LINK = 'a[data-task-link]'

function rowLinks(body: HTMLElement): HTMLAnchorElement[] {
  return [...body.querySelectorAll<HTMLAnchorElement>(`tr ${LINK}`)]
}

/** Focuses the first or last row's link; false when there is no row. */
export function focusRow(body: HTMLElement | null, which: 'first' | 'last'): boolean {
  if (!body) return false
  const links = rowLinks(body)
  const target = which === 'first' ? links[0] : links[links.length - 1]
  target?.focus()
  return target !== undefined
}

/**
 * Arrow keys and j/k move focus from row to row (each row's title link is
 * its focus stop, so Enter opens it); past either end, `onEdge` lets the
 * board turn the page.
 */
export function handleRowKeys(event: KeyboardEvent<HTMLElement>, onEdge: (edge: RowEdge) => void): void {
  if (event.altKey || event.ctrlKey || event.metaKey) return
  const step =
    event.key === 'ArrowDown' || event.key === 'j' ? 1 : event.key === 'ArrowUp' || event.key === 'k' ? -1 : 0
  if (step === 0) return
  const links = rowLinks(event.currentTarget)
  const current = links.findIndex((link) => link.closest('tr')?.contains(document.activeElement))
  if (current < 0) return
  event.preventDefault()
  const next = links[current + step]
  if (next) next.focus()
  else onEdge(step > 0 ? 'after-last' : 'before-first')
}
