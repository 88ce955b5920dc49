import { onlineManager } from '@tanstack/react-query'
import { useSyncExternalStore } from 'react'
import { useI18n } from '../../../../lib/i18n/i18n.tsx'

const subscribe = (listener: () => void) => onlineManager.subscribe(listener)
const isOnline = () => onlineManager.isOnline()
// A page the server rendered was asked for online; the browser says otherwise once it has taken it over.
const wasOnline = () => true

/** Requests wait while the browser is offline and resume by themselves when it is back. */
export function OfflineNotice() {
  const { t } = useI18n()
  const online = useSyncExternalStore(subscribe, isOnline, wasOnline)
  if (online) return null
  return (
    <p className="notice notice--warning" role="status">
      {t.board.offline}
    </p>
  )
}
