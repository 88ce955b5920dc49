import type { RelatedEntity } from '../../api/schemas.ts'

export function AssigneeCell({ assignee }: { assignee: RelatedEntity | null }) {
  if (!assignee) return <span className="muted">Unassigned</span>
  return <span className="assignee">{assignee.name ?? assignee.entityId}</span>
}
