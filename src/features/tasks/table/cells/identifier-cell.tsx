import type { Task } from '../../api/schemas.ts'
import { formatIdentifier } from '../../presenters/task-text.ts'
import { useTaskType } from '../task-types-context.ts'

export function IdentifierCell({ task }: { task: Task }) {
  const type = useTaskType(task.taskTypeId)
  return (
    <span className="identifier">
      <span
        className="identifier__swatch"
        style={type?.color ? { backgroundColor: type.color } : undefined}
        aria-hidden="true"
      />
      <span className="identifier__text">{formatIdentifier(task, type?.prefix)}</span>
    </span>
  )
}
