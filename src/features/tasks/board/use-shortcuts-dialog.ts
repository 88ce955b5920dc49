import { useCallback, useState } from 'react'
import { useDeferredPart } from '../../../lib/deferred/deferred-part.ts'
import { shortcutsDialog } from './deferred-parts.ts'

/** The shortcuts dialog's open state; its code is fetched when first opened, and a failed fetch closes it again. */
export function useShortcutsDialog() {
  const [open, setOpen] = useState(false)
  const close = useCallback(() => setOpen(false), [])
  const openHelp = useCallback(() => setOpen(true), [])
  const Dialog = useDeferredPart(shortcutsDialog, open, close).loaded?.ShortcutsDialog
  return { open, openHelp, close, Dialog }
}
