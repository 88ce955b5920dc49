import type { Task, User } from '../../../shared/tasks/api/schemas.ts'
import type { TaskChange } from '../../../shared/tasks/api/task-change.ts'

/** The task as the board shows it the moment a change is sent, before the API has answered. */
export function withChange(task: Task, change: TaskChange, users: readonly User[]): Task {
  switch (change.field) {
    case 'assignee': {
      if (change.to === null) return { ...task, assignee: null }
      const user = users.find((candidate) => candidate.id === change.to)
      return {
        ...task,
        assignee: { entityId: change.to, name: user?.name ?? null, profilePicture: user?.picture ?? null },
      }
    }
    case 'priority':
      return { ...task, priority: change.to }
    case 'dueDate':
      return { ...task, dueDate: change.to }
    case 'status':
      return { ...task, taskStatus: change.to }
    case 'complete':
      return { ...task, taskStatus: 'completed' }
  }
}
