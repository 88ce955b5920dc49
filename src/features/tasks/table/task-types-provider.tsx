import { useMemo, type ReactNode } from 'react'
import { useTaskTypes } from '../api/use-lookups.ts'
import { TaskTypesContext } from './task-types-context.ts'

/** Gives the cells below the task types by id (empty until they load: cells fall back to ids). */
export function TaskTypesProvider({ children }: { children: ReactNode }) {
  const types = useTaskTypes()
  const byId = useMemo(() => new Map((types.data ?? []).map((type) => [type._id, type])), [types.data])
  return <TaskTypesContext value={byId}>{children}</TaskTypesContext>
}
