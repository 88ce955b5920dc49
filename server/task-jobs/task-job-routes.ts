import {
  changeFor,
  jobChangeOf,
  jobRequestSchema,
  MAX_JOB_TASKS,
  type JobChange,
  type SeenTask,
} from '../../src/shared/tasks/api/job-request.ts'
import { taskChangeSchema } from '../../src/shared/tasks/api/task-change.ts'
import { readJsonBody } from '../http/read-json-body.ts'
import { sendJsonError } from '../http/json-error.ts'
import { sendBadRequest, sendJson } from '../http/send-json.ts'
import type { ServerResponse } from 'node:http'
import type { Actor, RequestIdentity, Route } from '../identity/request-context.ts'
import { admitWriter, problemsOf, writeWords, type TaskWriteRoutesOptions } from '../task-writes/task-write-routes.ts'
import type { JobsRepository } from './jobs-repository.ts'

export interface TaskJobRoutesOptions extends Pick<
  TaskWriteRoutesOptions,
  'modeName' | 'operations' | 'writeLimit' | 'addressWriteLimit'
> {
  jobs: JobsRepository
  /** Told when a job was made, so a runner starts it at once. */
  onCreated: () => void
}

/** Open jobs one person may have at once: a second selection waits in line, a runaway script does not. */
export const OPEN_JOBS_PER_PERSON = 5
/** A thousand tasks with what was seen of each. */
const MAX_JOB_BODY_BYTES = 256 * 1024

const words = {
  tooMany: `You have ${OPEN_JOBS_PER_PERSON} changes under way; wait for one to finish or cancel one.`,
  sameTaskTwice: 'A task is named twice.',
  notFound: 'There is no such job.',
  nothingToRetry: 'No task of this job failed.',
  notYours: 'Only an open job of your own can be cancelled.',
}

/**
 * Changes to many tasks, as jobs the server runs (see job-runner.ts):
 * `POST /app/task-jobs` starts one, `GET /app/task-jobs` lists a person's,
 * `GET /app/task-jobs/{id}` reports one, `…/cancel` stops it and `…/retry`
 * starts a new job with the tasks that failed.
 */
export function createTaskJobRoutes(options: TaskJobRoutesOptions): Route[] {
  const { jobs } = options
  /** Starts a job the deployment allows, within the person's open jobs, and answers it (202). */
  async function startJob(
    res: ServerResponse,
    identity: RequestIdentity & { actor: Actor },
    change: JobChange,
    tasks: readonly SeenTask[],
  ): Promise<void> {
    if (!options.operations.has(change.field)) {
      sendJsonError(res, 403, writeWords.off(change.field))
      return
    }
    if ((await jobs.openJobsOf(identity.actor)) >= OPEN_JOBS_PER_PERSON) {
      sendJsonError(res, 429, words.tooMany, { 'retry-after': '10' })
      return
    }
    const id = await jobs.create(identity.actor, identity.keyHolder ?? 'server', change, tasks)
    options.onCreated()
    sendJson(res, 202, { job: await jobs.get(identity.actor.companyId, id) }, { location: `/app/task-jobs/${id}` })
  }

  const jobPath = (tail = '') => new RegExp(`^/app/task-jobs/([0-9a-f]{24})${tail}$`)
  return [
    [
      'POST',
      /^\/app\/task-jobs$/,
      async ({ req, res, context }) => {
        const identity = await admitWriter(options, context, res)
        if (!identity) return
        const parsed = jobRequestSchema.safeParse(await readJsonBody(req, MAX_JOB_BODY_BYTES))
        if (!parsed.success) {
          sendBadRequest(res, problemsOf(parsed.error.issues))
          return
        }
        const { change, tasks } = parsed.data
        // Each task's change is the one a single change would be: the same schema says what is valid.
        const problems = tasks.flatMap((task, index) => {
          const single = taskChangeSchema.safeParse(changeFor(change, task))
          return single.success ? [] : problemsOf(single.error.issues).map((problem) => `tasks.${index}: ${problem}`)
        })
        if (new Set(tasks.map((task) => task.id.toLowerCase())).size !== tasks.length)
          problems.push(words.sameTaskTwice)
        if (problems.length > 0) {
          sendBadRequest(res, problems.slice(0, 20))
          return
        }
        await startJob(res, identity, change, tasks)
      },
    ],
    [
      'GET',
      /^\/app\/task-jobs$/,
      async ({ res, context }) => {
        const { actor } = await context.identity()
        sendJson(res, 200, { jobs: actor ? await jobs.listFor(actor) : [] })
      },
    ],
    [
      'GET',
      jobPath(),
      async ({ res, params, context }) => {
        const { actor } = await context.identity()
        const job = actor ? await jobs.get(actor.companyId, params[0]!) : null
        if (!job) sendJsonError(res, 404, words.notFound)
        else sendJson(res, 200, { job })
      },
    ],
    [
      'POST',
      jobPath('/cancel'),
      async ({ res, params, context }) => {
        const identity = await admitWriter(options, context, res)
        if (!identity) return
        if (!(await jobs.cancel(identity.actor, params[0]!))) {
          sendJsonError(res, 409, words.notYours)
          return
        }
        sendJson(res, 200, { job: await jobs.get(identity.actor.companyId, params[0]!) })
      },
    ],
    [
      'POST',
      jobPath('/retry'),
      async ({ res, params, context }) => {
        const identity = await admitWriter(options, context, res)
        if (!identity) return
        const job = await jobs.get(identity.actor.companyId, params[0]!)
        if (!job) {
          sendJsonError(res, 404, words.notFound)
          return
        }
        const failed = await jobs.failedTasks(identity.actor.companyId, job.id)
        if (failed.length === 0) {
          sendJsonError(res, 409, words.nothingToRetry)
          return
        }
        await startJob(res, identity, jobChangeOf(job.field, job.target), failed.slice(0, MAX_JOB_TASKS))
      },
    ],
  ]
}
