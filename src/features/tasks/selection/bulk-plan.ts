import type { Task } from '../../../shared/tasks/api/schemas.ts'
import type { JobChange, SeenTask } from '../../../shared/tasks/api/job-request.ts'
import { isUnreadable } from '../../../shared/tasks/api/unreadable.ts'

/** What a change on the picked tasks would do, from what the board shows of each. */
export interface BulkPlan {
  change: JobChange
  /** Each with what the board saw of it: the server refuses any a colleague changed since. */
  willChange: SeenTask[]
  /** Already hold the value (or, to complete, are completed or cancelled): left alone. */
  already: Task[]
  /** The field could not be read: the board cannot say what it would overwrite, so leaves them alone. */
  unreadable: Task[]
}

/** The field's value as a change's `from` carries it; undefined when it cannot be read. */
export function seenValue(task: Task, field: JobChange['field']): string | number | null | undefined {
  switch (field) {
    case 'assignee':
      return isUnreadable(task.assignee) ? undefined : (task.assignee?.entityId ?? null)
    case 'priority':
      return isUnreadable(task.priority) ? undefined : task.priority
    case 'dueDate':
      return task.dueDate
    case 'status':
    case 'complete':
      return isUnreadable(task.taskStatus) ? undefined : task.taskStatus
  }
}

function holdsTarget(change: JobChange, value: string | number | null): boolean {
  switch (change.field) {
    case 'complete':
      return value === 'completed' || value === 'cancelled'
    case 'dueDate':
      // Instants to the second, as the server compares them.
      return typeof value === 'number' && change.to !== null
        ? Math.floor(value / 1000) === Math.floor(change.to / 1000)
        : value === change.to
    case 'assignee':
      return typeof value === 'string' && change.to !== null
        ? value.toLowerCase() === change.to.toLowerCase()
        : value === change.to
    default:
      return value === change.to
  }
}

/** Splits the picked tasks into those the change would change, those it need not, and those it must not guess at. */
export function planBulk(change: JobChange, tasks: Iterable<Task>): BulkPlan {
  const plan: BulkPlan = { change, willChange: [], already: [], unreadable: [] }
  for (const task of tasks) {
    const value = seenValue(task, change.field)
    if (value === undefined) plan.unreadable.push(task)
    else if (holdsTarget(change, value)) plan.already.push(task)
    else plan.willChange.push({ id: task._id, from: value, seenModifiedAt: task.status.lastModifiedAt })
  }
  return plan
}
