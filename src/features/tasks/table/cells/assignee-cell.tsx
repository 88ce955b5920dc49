import { Avatar } from '../../../../components/ui/avatar.tsx'
import type { RelatedEntity } from '../../api/schemas.ts'

export function AssigneeCell({ assignee }: { assignee: RelatedEntity | null }) {
  if (!assignee) return <span className="muted">Unassigned</span>
  const name = assignee.name ?? assignee.entityId
  return (
    <span className="assignee">
      <Avatar name={name} picture={assignee.profilePicture} />
      <span className="assignee__name">{name}</span>
    </span>
  )
}
