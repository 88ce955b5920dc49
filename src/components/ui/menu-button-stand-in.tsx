import { useCallback, useState, type ReactNode } from 'react'

/**
 * The button of a menu whose code loads later, looking and announcing itself
 * like the real one. Pressing it (click, Enter, Space, Arrow Down) asks for
 * the menu; the real button then replaces it, opened.
 */
export function MenuButtonStandIn({
  className,
  label,
  popup,
  onOpen,
  children,
}: {
  className: string
  /** The accessible name, when it differs from the visible text. */
  label?: string
  popup: 'listbox' | 'menu'
  onOpen: () => void
  children: ReactNode
}) {
  return (
    <button
      type="button"
      className={className}
      aria-label={label}
      aria-haspopup={popup}
      aria-expanded={false}
      onClick={onOpen}
      onKeyDown={(event) => {
        if (event.key !== 'ArrowDown') return
        event.preventDefault()
        onOpen()
      }}
    >
      {children}
      <span aria-hidden="true" className="filter-button__arrow">
        ▾
      </span>
    </button>
  )
}

/** Whether the real menu should open when it mounts: true once the stand-in was pressed. */
export function useOpenOnLoad(load: () => Promise<unknown>): [boolean, () => void] {
  const [openOnLoad, setOpenOnLoad] = useState(false)
  const requestOpen = useCallback(() => {
    setOpenOnLoad(true)
    // A failed fetch (offline) leaves the stand-in; the next press tries again.
    load().catch(() => setOpenOnLoad(false))
  }, [load])
  return [openOnLoad, requestOpen]
}
