import type { Task } from '../../api/schemas.ts'
import { useTaskType } from '../task-types-context.ts'

/** `REC-1042` as people say it; the number alone when the type is unknown. */
export function formatIdentifier(task: Pick<Task, 'identifierNumber' | 'number'>, prefix: string | null | undefined) {
  const number = task.identifierNumber ?? task.number
  if (number === null) return '—'
  return prefix ? `${prefix}-${number}` : String(number)
}

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
