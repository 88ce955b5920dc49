import { useEffect, useState } from 'react'
import { useI18n } from '../../../../lib/i18n/i18n.tsx'
import { useRenderEnvironment } from '../../../../lib/render-environment.tsx'

/** "Updated 12 s ago", kept current by a once-a-second tick of this one small component. */
export function UpdatedAgo({ updatedAt }: { updatedAt: number }) {
  const { t } = useI18n()
  const environment = useRenderEnvironment()
  // Never before the answer: a render on the server, and React taking it over, say "0 s", where the two clocks
  // would round apart.
  const [now, setNow] = useState(() => Math.max(updatedAt, environment.now()))
  useEffect(() => {
    const timer = setInterval(() => setNow(environment.now()), 1000)
    return () => clearInterval(timer)
  }, [environment])
  if (updatedAt === 0) return null
  return <span className="updated-ago">{t.board.updatedAgo(Math.max(0, Math.round((now - updatedAt) / 1000)))}</span>
}

/** Offered instead of reshuffling rows under the pointer. */
export function NewRowsNotice({ added, removed, onShow }: { added: number; removed: number; onShow: () => void }) {
  const { t } = useI18n()
  if (added === 0 && removed === 0) return null
  return (
    <div className="new-rows" role="status">
      <span>{t.board.newRows(added, removed)}</span>
      <button type="button" className="button" onClick={onShow}>
        {t.board.show}
      </button>
    </div>
  )
}
