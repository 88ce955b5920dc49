import { createContext, useContext } from 'react'
import type { TaskType } from '../../../shared/tasks/api/schemas.ts'

/**
 * Task types by id, for cells that show a task's identifier and colour. A
 * context rather than a column option so the column definitions stay static.
 */
export const TaskTypesContext = createContext<ReadonlyMap<string, TaskType>>(new Map())

export function useTaskType(id: string | null): TaskType | undefined {
  const types = useContext(TaskTypesContext)
  return id === null ? undefined : types.get(id)
}
