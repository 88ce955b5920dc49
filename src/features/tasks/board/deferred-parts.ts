import { useEffect, useState } from 'react'
import { preloadMultiSelect } from '../../../components/ui/multi-select.tsx'
import { lazyModule, type LazyModule } from '../../../lib/lazy-module.ts'
import { preloadColumnMenu } from '../table/column-menu.tsx'

export const detailPanel = lazyModule(() => import('../detail/task-detail-panel.tsx'))
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

/**
 * A deferred part, fetched as soon as it is wanted (each new `want` tries
 * again). `error` says its code could not be fetched — offline since the page
 * loaded — so the caller can say so rather than show nothing.
 */
export function useDeferredPart<T>(
  part: LazyModule<T>,
  want: string | boolean | undefined,
  onError?: () => void,
): { loaded: T | undefined; error: Error | null } {
  const loaded = part.useLoaded()
  const [error, setError] = useState<Error | null>(null)
  useEffect(() => {
    if (want === undefined || want === false) return
    part.load().then(
      () => setError(null),
      (reason: unknown) => {
        setError(reason instanceof Error ? reason : new Error(String(reason)))
        onError?.()
      },
    )
  }, [part, want, onError])
  return { loaded, error }
}
