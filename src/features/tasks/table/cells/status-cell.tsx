import { useI18n } from '../../../../lib/i18n/i18n.tsx'
import { statusInfo } from '../../catalog.ts'

export function StatusCell({ status }: { status: string | null }) {
  const { t } = useI18n()
  const { label, tone } = statusInfo(status, t)
  return <span className={`badge badge--${tone}`}>{label}</span>
}
