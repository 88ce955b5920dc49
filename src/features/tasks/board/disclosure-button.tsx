import type { ReactNode } from 'react'

/** A button that shows or hides the region it controls (the collapsed filters and settings of a narrow window). */
export function DisclosureButton({
  open,
  controls,
  onToggle,
  children,
}: {
  open: boolean
  controls: string
  onToggle: () => void
  children: ReactNode
}) {
  return (
    <button
      type="button"
      className={`button filter-button${open ? ' filter-button--open' : ''}`}
      aria-expanded={open}
      aria-controls={controls}
      onClick={onToggle}
    >
      {children}
      <span aria-hidden="true" className="filter-button__arrow">
        {open ? '▴' : '▾'}
      </span>
    </button>
  )
}
