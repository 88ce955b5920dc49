import { useI18n } from '../../../../lib/i18n/i18n.tsx'
import { isUnreadable, type Unreadable } from '../../../../shared/tasks/api/unreadable.ts'
import { isKnownPriority, priorityInfo, type KnownPriority } from '../../../../shared/tasks/catalog.ts'
import { UnreadableValue } from '../../presenters/unreadable-value.tsx'

/** One shape per level, so urgency reads without colour too: more chevrons, more urgent. */
const ICON_PATHS: Record<KnownPriority, string> = {
  urgent: 'M3 9l5-4 5 4M3 13l5-4 5 4M3 5l5-4 5 4',
  high: 'M3 10l5-4 5 4M3 14l5-4 5 4',
  medium: 'M3 6h10M3 10h10',
  low: 'M3 6l5 4 5-4',
}

export function PriorityCell({
  priority,
  detailed = false,
}: {
  priority: string | Unreadable | null
  detailed?: boolean
}) {
  const { t } = useI18n()
  if (isUnreadable(priority)) return <UnreadableValue value={priority} detailed={detailed} />
  const info = priorityInfo(priority, t)
  if (!info || priority === null) return <span className="muted">{t.cells.none}</span>
  return (
    <span className={`priority priority--${info.tone}`}>
      {isKnownPriority(priority) && (
        <svg className="priority__icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
          <path d={ICON_PATHS[priority]} fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
      )}
      <span className="priority__label">{info.label}</span>
    </span>
  )
}
