import { priorityInfo } from '../../catalog.ts'

export function PriorityCell({ priority }: { priority: string | null }) {
  const info = priorityInfo(priority)
  if (!info) return <span className="muted">—</span>
  return (
    <span className={`priority priority--${info.tone}`}>
      <span className="priority__dot" aria-hidden="true" />
      {info.label}
    </span>
  )
}
