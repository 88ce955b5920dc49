import type { QueryClient } from '@tanstack/react-query'
import type { Task } from '../../../shared/tasks/api/schemas.ts'
import { taskQueries } from './queries.ts'
import type { TaskPage } from './tasks-api.ts'

/** Puts one task, as it now is, wherever the cache holds it: its panel and every list page it is on. */
export function putTask(queryClient: QueryClient, task: Task): void {
  queryClient.setQueryData(taskQueries.detail(task._id).queryKey, task)
  queryClient.setQueriesData<TaskPage>({ queryKey: taskQueries.lists() }, (page) =>
    page?.tasks.some((row) => row._id === task._id)
      ? { ...page, tasks: page.tasks.map((row) => (row._id === task._id ? task : row)) }
      : page,
  )
}
