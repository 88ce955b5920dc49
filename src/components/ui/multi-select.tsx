import type { ReactNode } from 'react'
import { deferredPart } from '../../lib/deferred/deferred-part.ts'
import { useStandIn } from '../../lib/deferred/use-stand-in.ts'
import { MenuButtonStandIn } from './menu-button-stand-in.tsx'

export interface MultiSelectOption {
  value: string
  label: string
  /** Shown before the label: a colour swatch, an avatar, an icon. */
  adornment?: ReactNode
}

export interface MultiSelectProps {
  /** The control's name, e.g. "Assignee". */
  label: string
  options: readonly MultiSelectOption[]
  selected: readonly string[]
  onChange: (values: string[]) => void
  /** Filter the options by typing. */
  searchable?: boolean
  /** With `searchable`: report the typed text instead of filtering locally (server search). */
  onSearch?: (text: string) => void
  /** Said in the list when it is empty. */
  emptyText?: string
  /** Said in the list while options load. */
  loading?: boolean
}
export function filterSummary(label: string, count: number): string {
  return count === 0 ? label : `${label} · ${count}`
}

export function filterButtonClass(active: boolean): string {
  return `button filter-button${active ? ' filter-button--active' : ''}`
}

// The listbox, its search and positioning are a sizeable library: fetched after the first rows show.
export const multiSelectPopover = deferredPart(() => import('./multi-select-popover.tsx'))

/**
 * A filter button that opens a listbox of checkable options, optionally with
 * a search field. Until the listbox code has arrived, a button that looks the
 * same stands in; pressing it opens the list as soon as it is there.
 */
export function MultiSelect(props: MultiSelectProps) {
  const { loaded, handoff, handlers } = useStandIn(multiSelectPopover)
  if (loaded) return <loaded.MultiSelectPopover {...props} {...handoff} />
  return (
    <MenuButtonStandIn
      className={filterButtonClass(props.selected.length > 0)}
      label={props.label}
      popup="listbox"
      handlers={handlers}
    >
      {filterSummary(props.label, props.selected.length)}
    </MenuButtonStandIn>
  )
}
