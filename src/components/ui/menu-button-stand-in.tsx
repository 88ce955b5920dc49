import type { ReactNode } from 'react'
import type { StandInHandlers } from '../../lib/deferred/use-stand-in.ts'

/**
 * The button of a menu whose code loads later (see `useStandIn`), looking and
 * announcing itself like the real one (a listbox's button is a combobox, as
 * Ariakit's is). Pressing it (click, Enter, Space, Arrow Down or Up) asks for
 * the menu; the real button then replaces it, opened.
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
      {...handlers}
      onKeyDown={(event) => {
        if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return
        event.preventDefault()
        handlers.onClick()
      }}
    >
      {children}
      <span aria-hidden="true" className="filter-button__arrow">
        ▾
      </span>
    </button>
  )
}
