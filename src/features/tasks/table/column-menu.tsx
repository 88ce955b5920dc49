import { MenuButtonStandIn } from '../../../components/ui/menu-button-stand-in.tsx'
import { deferredPart } from '../../../lib/deferred/deferred-part.ts'
import { useStandIn } from '../../../lib/deferred/use-stand-in.ts'
import { useI18n } from '../../../lib/i18n/i18n.tsx'
import type { ColumnPrefs } from './column-prefs.ts'

export interface ColumnMenuProps {
  prefs: ColumnPrefs
  onChange: (prefs: ColumnPrefs) => void
}

export const columnMenuPopover = deferredPart(() => import('./column-menu-popover.tsx'))

/** Shows or hides optional columns and sets the row density; both stay in this browser. */
export function ColumnMenu(props: ColumnMenuProps) {
  const { t } = useI18n()
  const { loaded, handoff, handlers } = useStandIn(columnMenuPopover)
  if (loaded) return <loaded.ColumnMenuPopover {...props} {...handoff} />
  return (
    <MenuButtonStandIn className="button filter-button" popup="menu" handlers={handlers}>
      {t.columnMenu.button}
    </MenuButtonStandIn>
  )
}
