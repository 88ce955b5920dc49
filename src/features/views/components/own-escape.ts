import type { KeyboardEvent } from 'react'

/*
 * The views menu closes on Esc from anywhere while it is open, listening on
 * the document before any element hears the key. A part of the menu that
 * closes itself on Esc (the rename form) carries this mark, and the menu
 * leaves Esc pressed inside it to that part: one press undoes one step.
 */
export const OWN_ESCAPE_ATTRIBUTE = 'data-own-escape'

/**
 * Props for the elements of a part that closes itself on Esc: the mark, and
 * a key handler that closes the part. The key goes no further, so neither
 * the menu nor the board acts on it too.
 */
export function closesOnEscape(close: () => void) {
  return {
    [OWN_ESCAPE_ATTRIBUTE]: '',
    onKeyDown: (event: KeyboardEvent<HTMLElement>) => {
      if (event.key !== 'Escape') return
      event.preventDefault()
      event.stopPropagation()
      close()
    },
  }
}

/** Whether a key pressed on `target` belongs to a part that closes itself on Esc. */
export function isInOwnEscape(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest(`[${OWN_ESCAPE_ATTRIBUTE}]`) !== null
}
