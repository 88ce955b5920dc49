import { statusInfo } from '../../catalog.ts'

export function StatusCell({ status }: { status: string | null }) {
  const { label, tone } = statusInfo(status)
  return <span className={`badge badge--${tone}`}>{label}</span>
}
