import { useEffect, useState } from 'react'

/** "Updated 12 s ago", kept current by a once-a-second tick of this one small component. */
export function UpdatedAgo({ updatedAt }: { updatedAt: number }) {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [])
  if (updatedAt === 0) return null
  const seconds = Math.max(0, Math.round((now - updatedAt) / 1000))
  const text = seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min`
  return <span className="updated-ago">Updated {text} ago</span>
}

/** Offered instead of reshuffling rows under the pointer. */
export function NewRowsNotice({ added, removed, onShow }: { added: number; removed: number; onShow: () => void }) {
  if (added === 0 && removed === 0) return null
  const parts = [added > 0 && `${added} new`, removed > 0 && `${removed} changed`].filter(Boolean)
  return (
    <div className="new-rows" role="status">
      <span>{parts.join(' · ')}</span>
      <button type="button" className="button" onClick={onShow}>
        Show
      </button>
    </div>
  )
}
