import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query'
import { taskQueries } from './queries.ts'
import type { TaskPage } from './tasks-api.ts'
import type { Task } from '../../../shared/tasks/api/schemas.ts'

/** A task already on a list page in the cache, with when that page was fetched. */
function findCachedTask(queryClient: QueryClient, id: string): { task: Task; updatedAt: number } | undefined {
  for (const [key, page] of queryClient.getQueriesData<TaskPage>({ queryKey: taskQueries.lists() })) {
    const task = page?.tasks.find((candidate) => candidate._id === id)
    if (task) return { task, updatedAt: queryClient.getQueryState(key)?.dataUpdatedAt ?? 0 }
  }
  return undefined
}

/** One task: the row already in the cache when there is one (no request), else `GET /tasks/{id}`. */
export function useTaskDetail(id: string) {
  const queryClient = useQueryClient()
  return useQuery({
    ...taskQueries.detail(id),
    initialData: () => findCachedTask(queryClient, id)?.task,
    initialDataUpdatedAt: () => findCachedTask(queryClient, id)?.updatedAt,
  })
}
