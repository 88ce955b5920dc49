import type { KeyboardEvent } from 'react'

export type RowEdge = 'before-first' | 'after-last'

/** Arrow keys and j/k move one row; anything else (or with a modifier) is not row navigation. */
export function rowStep(event: KeyboardEvent): -1 | 0 | 1 {
  if (event.altKey || event.ctrlKey || event.metaKey) return 0
  if (event.key === 'ArrowDown' || event.key === 'j') return 1
  if (event.key === 'ArrowUp' || event.key === 'k') return -1
  return 0
}

/** The index of the row holding the focused element, from its `data-index`; -1 outside the rows. */
export function focusedRowIndex(body: HTMLElement): number {
  const row = document.activeElement?.closest<HTMLElement>('tr[data-index]')
  if (!row || !body.contains(row)) return -1
  return Number(row.dataset.index)
}

/** Focuses the row's title link (its focus stop, so Enter opens it); false when that row is not rendered. */
export function focusRenderedRow(body: HTMLElement | null, index: number): boolean {
  const link = body?.querySelector<HTMLAnchorElement>(`tr[data-index="${index}"] a[data-task-link]`)
  link?.focus()
  return link != null
}
