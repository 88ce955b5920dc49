import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useMemo, useRef, useState } from 'react'
import { Link, useLocation } from 'react-router'
import { useRenderEnvironment } from '../../../lib/render-environment.tsx'
import type { Task, User } from '../../../shared/tasks/api/schemas.ts'
import type { TaskChange } from '../../../shared/tasks/api/task-change.ts'
import { isOpenJob, type TaskJob } from '../../../shared/tasks/api/task-job.ts'
import { figureQueries } from '../api/figure-queries.ts'
import { taskQueries } from '../api/queries.ts'
import { cancelTaskJob, retryTaskJob, taskJobQueries } from '../api/task-jobs-api.ts'
import type { TaskPage } from '../api/tasks-api.ts'
import { useUsers } from '../api/use-lookups.ts'
import { withChange } from '../api/with-change.ts'
import { useChangeWords } from './change-words.ts'
import { useSelectionI18n } from './words/selection-words.ts'

/** A finished job stays in view this long after it ended (after a reload too), then only its open peers show. */
const FINISHED_SHOWN_MS = 15 * 60_000

/** The person's jobs worth showing: those under way, and those that ended a short while ago and were not put away. */
export function useShownJobs(writable: boolean): { jobs: TaskJob[]; dismiss: (id: string) => void } {
  const queryClient = useQueryClient()
  const answered = useQuery({ ...taskJobQueries.mine(), enabled: writable }).data
  const jobs = useMemo(() => answered ?? [], [answered])
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set())
  // The board follows a job: each task it changed may be on any view, in any figure.
  const users = useUsers().data
  // Tasks already changed when the list first came are what the views were read after; only later ones are new.
  const seenApplied = useRef<Set<string> | null>(null)
  useEffect(() => {
    if (!answered) return
    const first = seenApplied.current === null
    const seen = (seenApplied.current ??= new Set())
    let changedAny = false
    for (const job of answered) {
      const fresh = job.items.filter((item) => item.outcome === 'applied' && !seen.has(`${job.id}:${item.taskId}`))
      for (const item of fresh) seen.add(`${job.id}:${item.taskId}`)
      if (first || fresh.length === 0) continue
      // Each task as the job left it (read back by the server), in place at once; then every view asked again.
      putApplied(queryClient, job, new Set(fresh.map((item) => item.taskId)), users ?? [])
      changedAny = true
    }
    if (!changedAny) return
    void queryClient.invalidateQueries({ queryKey: taskQueries.all() })
    void queryClient.invalidateQueries({ queryKey: figureQueries.all() })
  }, [answered, users, queryClient])
  const now = useRenderEnvironment().now()
  return {
    jobs: jobs.filter(
      (job) =>
        !dismissed.has(job.id) &&
        (isOpenJob(job) || (job.finishedAt !== null && now - Date.parse(job.finishedAt) < FINISHED_SHOWN_MS)),
    ),
    dismiss: (id) => setDismissed((before) => new Set([...before, id])),
  }
}

const OUTCOME_ORDER = ['applied', 'conflict', 'ignored', 'refused', 'failed'] as const

/** One job: its progress while it runs, then how each task ended, with the failed ones to try again. */
export function JobReport({
  job,
  titles,
  onDismiss,
}: {
  job: TaskJob
  titles: ReadonlyMap<string, Task>
  onDismiss: () => void
}) {
  const { t } = useSelectionI18n()
  const queryClient = useQueryClient()
  const { search } = useLocation()
  const words = t.selection.job
  const { what } = useChangeWords()(job.field, job.target)
  const counts = Object.fromEntries(
    OUTCOME_ORDER.map((outcome) => [outcome, job.items.filter((item) => item.outcome === outcome).length]),
  ) as Record<(typeof OUTCOME_ORDER)[number], number>
  const done = job.items.filter((item) => item.outcome !== null).length
  const untouched = job.items.length - done
  const refresh = (next: TaskJob) => {
    queryClient.setQueryData(taskJobQueries.all(), (jobs: TaskJob[] | undefined) =>
      jobs?.some((old) => old.id === next.id)
        ? jobs.map((old) => (old.id === next.id ? next : old))
        : [next, ...(jobs ?? [])],
    )
    void queryClient.invalidateQueries({ queryKey: taskJobQueries.all() })
  }
  const cancel = useMutation({ mutationFn: () => cancelTaskJob(job.id), onSuccess: refresh })
  const retry = useMutation({ mutationFn: () => retryTaskJob(job.id), onSuccess: refresh })
  const open = isOpenJob(job)
  const headline =
    job.state === 'queued' && done === 0
      ? words.queued(what)
      : open
        ? words.running(what, done, job.items.length)
        : words[job.state as 'done' | 'cancelled' | 'stopped'](what)
  const problems = job.items.filter((item) => item.outcome !== null && item.outcome !== 'applied')
  const titleOf = (id: string) => {
    const known = titles.get(id) ?? findTask(queryClient, id)
    return typeof known?.title === 'string' && known.title !== '' ? known.title : `${words.task} ${id.slice(-6)}`
  }
  return (
    <div className="job-report" data-state={job.state}>
      <p className="job-report__headline" role="status">
        {headline}
      </p>
      <progress className="job-report__progress" value={done} max={job.items.length} aria-label={what} />
      <p className="job-report__counts">
        {OUTCOME_ORDER.filter((outcome) => counts[outcome] > 0)
          .map((outcome) => words.counts[outcome](counts[outcome]))
          .concat(!open && untouched > 0 ? [words.counts.untouched(untouched)] : [])
          .join(' · ')}
      </p>
      {job.message && <p className="muted">{job.message}</p>}
      <div className="job-report__actions">
        {open && (
          <button type="button" className="button" disabled={cancel.isPending} onClick={() => cancel.mutate()}>
            {words.cancel}
          </button>
        )}
        {!open && counts.failed > 0 && (
          <button type="button" className="button" disabled={retry.isPending} onClick={() => retry.mutate()}>
            {words.retry(counts.failed)}
          </button>
        )}
        {!open && (
          <button type="button" className="button button--quiet" onClick={onDismiss}>
            {words.dismiss}
          </button>
        )}
      </div>
      {problems.length > 0 && (
        <details className="job-report__details">
          <summary>{`${words.details} (${problems.length})`}</summary>
          <ul>
            {problems.map((item) => (
              <li key={item.taskId}>
                <Link to={{ pathname: `/tasks/${item.taskId}`, search }} state={{ fromBoard: true }}>
                  {titleOf(item.taskId)}
                </Link>
                {': '}
                {words.outcome[item.outcome as (typeof OUTCOME_ORDER)[number]]}
                {item.message && <span className="muted"> — {item.message}</span>}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  )
}

/** Puts the value a job set on every list page row of the tasks it just changed. */
function putApplied(
  queryClient: ReturnType<typeof useQueryClient>,
  job: TaskJob,
  changed: ReadonlySet<string>,
  users: readonly User[],
): void {
  const change = (
    job.field === 'complete'
      ? { field: 'complete', from: null, sendEmail: false, seenModifiedAt: null }
      : { field: job.field, from: null, to: job.target, seenModifiedAt: null }
  ) as TaskChange
  queryClient.setQueriesData<TaskPage>({ queryKey: taskQueries.lists() }, (page) =>
    page?.tasks.some((task) => changed.has(task._id))
      ? { ...page, tasks: page.tasks.map((task) => (changed.has(task._id) ? withChange(task, change, users) : task)) }
      : page,
  )
}

/** A task the board has on any list page it holds. */
function findTask(queryClient: ReturnType<typeof useQueryClient>, id: string): Task | undefined {
  for (const [, page] of queryClient.getQueriesData<{ tasks: Task[] }>({ queryKey: taskQueries.lists() })) {
    const found = page?.tasks.find((task) => task._id === id)
    if (found) return found
  }
  return queryClient.getQueryData<Task>(taskQueries.detail(id).queryKey)
}
