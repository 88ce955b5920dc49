import type { PointerEvent } from 'react'

/**
 * Handlers that say when the pointer or keyboard focus comes to rest on a
 * control (`true`) and when it leaves (`false`): the moment to get ready for
 * its click. A touch reports nothing: its click follows at once, and a swipe
 * that starts on a control is no intent to press it.
 */
export function intentProps(report: (resting: boolean) => void) {
  return {
    onPointerEnter: (event: PointerEvent) => {
      if (event.pointerType !== 'touch') report(true)
    },
    onPointerLeave: () => report(false),
    onFocus: () => report(true),
    onBlur: () => report(false),
  }
}
