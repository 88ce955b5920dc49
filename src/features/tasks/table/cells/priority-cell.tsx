import { useI18n } from '../../../../lib/i18n/i18n.tsx'
import { priorityInfo } from '../../catalog.ts'

export function PriorityCell({ priority }: { priority: string | null }) {
  const { t } = useI18n()
  const info = priorityInfo(priority, t)
  if (!info) return <span className="muted">{t.cells.none}</span>
  return (
    <span className={`priority priority--${info.tone}`}>
      <span className="priority__dot" aria-hidden="true" />
      {info.label}
    </span>
  )
}
