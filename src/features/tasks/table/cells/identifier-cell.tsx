import type { Task } from '../../../../shared/tasks/api/schemas.ts'
import { isUnreadable } from '../../../../shared/tasks/api/unreadable.ts'
import { formatIdentifier, readableOrNull } from '../../../../shared/tasks/task-text.ts'
import { UnreadableValue } from '../../presenters/unreadable-value.tsx'
import { useTaskType } from '../task-types-context.ts'

export function IdentifierCell({ task }: { task: Task }) {
  const type = useTaskType(readableOrNull(task.taskTypeId))
  const identifier = formatIdentifier(task, type?.prefix)
  return (
    <span className="identifier">
      <span
        className="identifier__swatch"
        style={type?.color ? { backgroundColor: type.color } : undefined}
        aria-hidden="true"
      />
      {isUnreadable(identifier) ? (
        <UnreadableValue value={identifier} />
      ) : (
        <span className="identifier__text">{identifier}</span>
      )}
    </span>
  )
}
