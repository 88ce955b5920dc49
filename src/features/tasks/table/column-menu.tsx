import { MenuButtonStandIn, useStandIn } from '../../../components/ui/menu-button-stand-in.tsx'
import { useI18n } from '../../../lib/i18n/i18n.tsx'
import { lazyModule } from '../../../lib/lazy-module.ts'
import type { ColumnPrefs } from './column-prefs.ts'

export interface ColumnMenuProps {
  prefs: ColumnPrefs
  onChange: (prefs: ColumnPrefs) => void
}

const popover = lazyModule(() => import('./column-menu-popover.tsx'))
export const preloadColumnMenu = popover.load

/** Shows or hides optional columns and sets the row density; both stay in this browser. */
export function ColumnMenu(props: ColumnMenuProps) {
  const { t } = useI18n()
  const loaded = popover.useLoaded()
  const { handoff, handlers, held } = useStandIn(popover.load)
  if (loaded && !held) return <loaded.ColumnMenuPopover {...props} {...handoff} />
  return (
    <MenuButtonStandIn className="button filter-button" popup="menu" handlers={handlers}>
      {t.columnMenu.button}
    </MenuButtonStandIn>
  )
}
