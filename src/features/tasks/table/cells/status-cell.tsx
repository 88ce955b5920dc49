import { useI18n } from '../../../../lib/i18n/i18n.tsx'
import { isUnreadable, type Unreadable } from '../../../../shared/tasks/api/unreadable.ts'
import { statusInfo } from '../../../../shared/tasks/catalog.ts'
import { UnreadableValue } from '../../presenters/unreadable-value.tsx'

export function StatusCell({ status, detailed = false }: { status: string | Unreadable | null; detailed?: boolean }) {
  const { t } = useI18n()
  if (isUnreadable(status)) return <UnreadableValue value={status} detailed={detailed} />
  const { label, tone } = statusInfo(status, t)
  return <span className={`badge badge--${tone}`}>{label}</span>
}
