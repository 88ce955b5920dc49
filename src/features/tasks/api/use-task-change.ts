import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { Task, User } from '../../../shared/tasks/api/schemas.ts'
import type { TaskChange } from '../../../shared/tasks/api/task-change.ts'
import { figureQueries } from './figure-queries.ts'
import { putTask } from './put-task.ts'
import { withChange } from './with-change.ts'
import { taskQueries } from './queries.ts'
import { changeAnswerOf, sendTaskChange, taskChangeQueries, type ChangeAnswer } from './task-changes-api.ts'

export interface TaskChangeResult {
  change: TaskChange
  answer: ChangeAnswer
}

/**
 * Changes one task through the app server. The change shows at once; the
 * API's answer then replaces it with what the API holds (the change, a
 * colleague's newer value, or the old one when it was refused), and the
 * views and figures that may hold the task are asked again. Nothing is
 * called done that the server did not read back.
 */
export function useTaskChange(task: Task, users: readonly User[]) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async (change: TaskChange): Promise<TaskChangeResult> => ({
      change,
      answer: await sendTaskChange(task._id, change),
    }),
    onMutate: async (change) => {
      await queryClient.cancelQueries({ queryKey: taskQueries.detail(task._id).queryKey })
      putTask(queryClient, withChange(task, change, users))
      return { before: task }
    },
    onSuccess: ({ answer }) => {
      if (answer.task) putTask(queryClient, answer.task)
    },
    onError: (error, _change, context) => {
      // The API's own view of the task when the answer carried it (a conflict, an ignored change); else as it was.
      const current = changeAnswerOf(error)?.task ?? context?.before
      if (current) putTask(queryClient, current)
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: taskChangeQueries.forTask(task._id).queryKey })
      void queryClient.invalidateQueries({ queryKey: taskQueries.lists() })
      void queryClient.invalidateQueries({ queryKey: figureQueries.all() })
    },
  })
}
