import { Avatar } from '../../../components/ui/avatar.tsx'
import { useI18n } from '../../../lib/i18n/i18n.tsx'
import type { RelatedEntity } from '../api/schemas.ts'

/** The assignee's picture (or initials) and name; "Unassigned" when there is none. */
export function AssigneeName({ assignee }: { assignee: RelatedEntity | null }) {
  const { t } = useI18n()
  if (!assignee) return <span className="muted">{t.cells.unassigned}</span>
  const name = assignee.name ?? assignee.entityId
  return (
    <span className="assignee">
      <Avatar name={name} picture={assignee.profilePicture} />
      <span className="assignee__name">{name}</span>
    </span>
  )
}
