import { readStored, writeStored } from '../../lib/storage.ts'

/**
 * The saved view this tab last opened, so the board can say when the URL
 * has moved away from it. Per tab (sessionStorage): another tab may be on
 * another view.
 */
export function readOpenedView(): string | null {
  return readStored('openedView')
}

/** Opening a view is a look at it, recorded once per opening (see `readOpenedLook`). */
export function rememberOpenedView(id: string | null): void {
  writeStored('openedView', id)
  writeStored('openedViewLook', id === null ? null : `${id} ${Math.random().toString(36).slice(2, 10)}`)
}

/**
 * This tab's opening of a view: `opening` tells one opening from the next,
 * and once the look is recorded, `previous` is the person's look before it
 * (ISO; null the first time), from which the board says what is new to
 * them. Kept for the tab, so a reload says the same and records nothing.
 */
export interface OpenedLook {
  id: string
  opening: string
  /** Undefined until the look is recorded. */
  previous?: string | null
}

export function readOpenedLook(): OpenedLook | null {
  const [id, opening, previous] = readStored('openedViewLook')?.split(' ') ?? []
  if (!id || !opening) return null
  return previous === undefined ? { id, opening } : { id, opening, previous: previous === '-' ? null : previous }
}

export function rememberOpenedLook({ id, opening, previous }: OpenedLook): void {
  writeStored('openedViewLook', `${id} ${opening} ${previous ?? '-'}`)
}
