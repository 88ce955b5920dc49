import { queryOptions } from '@tanstack/react-query'
import { z } from 'zod/mini'
import { appRequest } from '../../../lib/api-client.ts'
import { ApiError } from '../../../shared/api-error.ts'
import type { JobRequest } from '../../../shared/tasks/api/job-request.ts'
import { isOpenJob, jobSchema, type TaskJob } from '../../../shared/tasks/api/task-job.ts'

/** How often an open job's progress is asked for. */
export const JOB_POLL_MS = 1_000

function readJob(body: unknown): TaskJob {
  const parsed = z.object({ job: jobSchema }).safeParse(body)
  if (!parsed.success) {
    throw new ApiError({ kind: 'unexpected-shape', message: 'The server answered with something that is not a job.' })
  }
  return parsed.data.job
}

/** Starts a change on many tasks; the server runs it whether or not this tab stays open. */
export async function startTaskJob(request: JobRequest): Promise<TaskJob> {
  return readJob(await appRequest('/task-jobs', { method: 'POST', body: request }))
}

export async function cancelTaskJob(id: string): Promise<TaskJob> {
  return readJob(await appRequest(`/task-jobs/${encodeURIComponent(id)}/cancel`, { method: 'POST' }))
}

/** A new job with the tasks of `id` that failed. */
export async function retryTaskJob(id: string): Promise<TaskJob> {
  return readJob(await appRequest(`/task-jobs/${encodeURIComponent(id)}/retry`, { method: 'POST' }))
}

/** The person's open jobs and latest finished ones, newest first. */
export async function listTaskJobs({ signal }: { signal?: AbortSignal } = {}): Promise<TaskJob[]> {
  const parsed = z.object({ jobs: z.array(jobSchema) }).safeParse(await appRequest('/task-jobs', { signal }))
  if (!parsed.success) {
    throw new ApiError({
      kind: 'unexpected-shape',
      message: 'The server answered with something that is not a job list.',
    })
  }
  return parsed.data.jobs
}

export const taskJobQueries = {
  all: () => ['task-jobs'] as const,
  mine: () =>
    queryOptions({
      queryKey: taskJobQueries.all(),
      queryFn: ({ signal }) => listTaskJobs({ signal }),
      // Asked again while a job runs, so its progress shows; still when none does.
      refetchInterval: (query) => (query.state.data?.some(isOpenJob) ? JOB_POLL_MS : false),
    }),
}
