import { preloadMultiSelect } from '../../../components/ui/multi-select.tsx'
import { lazyModule } from '../../../lib/lazy-module.ts'
import { preloadColumnMenu } from '../table/column-menu.tsx'

export const detailPanel = lazyModule(() => import('./task-detail-panel.tsx'))
export const shortcutsDialog = lazyModule(() => import('./shortcuts-dialog.tsx'))

/**
 * Everything the first rows do not need — filter lists, the column menu, the
 * task panel, the shortcuts dialog — fetched once the first answer is on
 * screen: the first download carries only what shows it, and the rest is
 * there before a dispatcher reaches for it.
 */
export function preloadDeferredParts(): void {
  for (const load of [preloadMultiSelect, preloadColumnMenu, detailPanel.load, shortcutsDialog.load]) {
    // Offline, each is fetched again when it is used.
    load().catch(() => {})
  }
}
