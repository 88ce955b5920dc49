import type { KeyboardEvent } from 'react'
import { isShortcut } from '../shortcuts.ts'

export type RowEdge = 'before-first' | 'after-last'

/** The next and previous shortcuts move one row; anything else is not row navigation. */
export function rowStep(event: KeyboardEvent): -1 | 0 | 1 {
  if (isShortcut(event, 'next')) return 1
  if (isShortcut(event, 'previous')) return -1
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

/** Where the focused row's task link goes (its path and the board's query), or null outside the rows. */
export function focusedRowLink(body: HTMLElement): string | null {
  const row = document.activeElement?.closest<HTMLElement>('tr[data-index]')
  return row && body.contains(row) ? (row.querySelector('a[data-task-link]')?.getAttribute('href') ?? null) : null
}
