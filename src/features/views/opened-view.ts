import { readStored, writeStored } from '../../lib/storage.ts'

/**
 * The saved view this tab last opened, so the board can say when the URL
 * has moved away from it. Per tab (sessionStorage): another tab may be on
 * another view.
 */
export function readOpenedView(): string | null {
  return readStored('openedView')
}

export function rememberOpenedView(id: string | null): void {
  writeStored('openedView', id)
}
