import { useCallback, useState, type ReactNode } from 'react'

/**
 * The button of a menu whose code loads later, looking and announcing itself
 * like the real one (a listbox's button is a combobox, as Ariakit's is).
 * Pressing it (click, Enter, Space, Arrow Down or Up) asks for the menu; the
 * real button then replaces it, opened.
 */
export function MenuButtonStandIn({
  className,
  label,
  popup,
  handlers,
  children,
}: {
  className: string
  /** The accessible name, when it differs from the visible text. */
  label?: string
  popup: 'listbox' | 'menu'
  handlers: StandInHandlers
  children: ReactNode
}) {
  return (
    <button
      type="button"
      className={className}
      role={popup === 'listbox' ? 'combobox' : undefined}
      aria-label={label}
      aria-haspopup={popup}
      aria-expanded={false}
      onPointerDown={handlers.onPress}
      onPointerLeave={handlers.onRelease}
      onPointerCancel={handlers.onRelease}
      onClick={handlers.onOpen}
      onFocus={handlers.onFocus}
      onBlur={handlers.onBlur}
      onKeyDown={(event) => {
        if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return
        event.preventDefault()
        handlers.onOpen()
      }}
    >
      {children}
      <span aria-hidden="true" className="filter-button__arrow">
        ▾
      </span>
    </button>
  )
}

interface StandInHandlers {
  onPress: () => void
  onRelease: () => void
  onOpen: () => void
  onFocus: () => void
  onBlur: () => void
}

/**
 * What the real menu does when it replaces its stand-in: open, if the stand-in
 * was pressed; take the focus, if the stand-in had it (a keyboard user who
 * tabbed there keeps their place when the code arrives).
 */
export function useStandIn(load: () => Promise<unknown>): {
  handoff: { defaultOpen: boolean; autoFocus: boolean }
  handlers: StandInHandlers
  /** Mid-press: the stand-in must stay until the click, or the click would land on neither button. */
  held: boolean
} {
  const [opened, setOpened] = useState(false)
  const [focused, setFocused] = useState(false)
  const [held, setHeld] = useState(false)
  const onPress = useCallback(() => setHeld(true), [])
  const onRelease = useCallback(() => setHeld(false), [])
  const onOpen = useCallback(() => {
    setHeld(false)
    setOpened(true)
    // A failed fetch (offline) leaves the stand-in in place.
    load().catch(() => setOpened(false))
  }, [load])
  const onFocus = useCallback(() => setFocused(true), [])
  const onBlur = useCallback(() => setFocused(false), [])
  return {
    handoff: { defaultOpen: opened, autoFocus: opened || focused },
    handlers: { onPress, onRelease, onOpen, onFocus, onBlur },
    held,
  }
}
