import { onlineManager } from '@tanstack/react-query'
import { useSyncExternalStore } from 'react'

const subscribe = (listener: () => void) => onlineManager.subscribe(listener)
const isOnline = () => onlineManager.isOnline()

/** Requests wait while the browser is offline and resume by themselves when it is back. */
export function OfflineNotice() {
  const online = useSyncExternalStore(subscribe, isOnline)
  if (online) return null
  return (
    <p className="notice notice--warning" role="status">
      You are offline. The board shows what it last loaded and updates by itself when the connection is back.
    </p>
  )
}
