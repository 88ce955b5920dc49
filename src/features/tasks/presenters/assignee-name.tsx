import { Avatar } from '../../../components/ui/avatar.tsx'
import { useI18n } from '../../../lib/i18n/i18n.tsx'
import type { RelatedEntity } from '../../../shared/tasks/api/schemas.ts'
import { isUnreadable, type Unreadable } from '../../../shared/tasks/api/unreadable.ts'
import { UnreadableValue } from './unreadable-value.tsx'

/**
 * The assignee's picture (or initials) and name; "Unassigned" only when there
 * is none. An assignee the board could not read is unreadable, not
 * unassigned: a dispatcher would otherwise re-assign work that is assigned.
 */
export function AssigneeName({
  assignee,
  detailed = false,
}: {
  assignee: RelatedEntity | Unreadable | null
  detailed?: boolean
}) {
  const { t } = useI18n()
  if (!assignee) return <span className="muted">{t.cells.unassigned}</span>
  if (isUnreadable(assignee)) return <UnreadableValue value={assignee} detailed={detailed} />
  if (isUnreadable(assignee.name)) return <UnreadableValue value={assignee.name} detailed={detailed} />
  const name = assignee.name ?? assignee.entityId
  return (
    <span className="assignee">
      <Avatar name={name} picture={assignee.profilePicture} />
      <span className="assignee__name">{name}</span>
    </span>
  )
}
