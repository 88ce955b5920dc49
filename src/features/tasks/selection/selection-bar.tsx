import './selection-bar.css'
import {
  Dialog,
  DialogHeading,
  Menu,
  MenuButton,
  MenuItem,
  MenuProvider,
  Popover,
  PopoverDisclosure,
  PopoverProvider,
  useMenuStore,
  usePopoverStore,
} from '@ariakit/react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react'
import { Link, useLocation, useNavigate } from 'react-router'
import { describeError } from '../../../lib/describe-error.ts'
import { formatDateTime } from '../../../lib/format.ts'
import { isTypingTarget } from '../../../lib/is-typing-target.ts'
import { useDateStyle, useRenderEnvironment } from '../../../lib/render-environment.tsx'
import { fromDateTimeInput } from '../../../lib/zoned-time.ts'
import { TASK_STATUSES, type Task, type User } from '../../../shared/tasks/api/schemas.ts'
import { WRITABLE_PRIORITIES, type TaskChange, type WriteOperation } from '../../../shared/tasks/api/task-change.ts'
import type { JobChange } from '../../../shared/tasks/api/job-request.ts'
import { isOpenJob, type TaskJob } from '../../../shared/tasks/api/task-job.ts'
import { useSession } from '../../views/api/session-queries.ts'
import { figureQueries } from '../api/figure-queries.ts'
import { taskQueries } from '../api/queries.ts'
import { cancelTaskJob, retryTaskJob, startTaskJob, taskJobQueries } from '../api/task-jobs-api.ts'
import { useUsers } from '../api/use-lookups.ts'
import type { TaskPage } from '../api/tasks-api.ts'
import { withChange } from '../api/with-change.ts'
import type { Selection } from '../board/use-row-selection.ts'
import type { RowMenuRequest } from '../table/tasks-table.tsx'
import { planBulk, type BulkPlan } from './bulk-plan.ts'
import { editShortcut } from '../shortcuts.ts'
import { useSelectionI18n } from './words/selection-words.ts'

/**
 * A row's menu (`m`, or a right-click beside its link): open the task, each
 * change this person may make (the task opens with that change's control
 * ready, where it is made, confirmed and can be undone), or pick the row.
 */
export function RowMenu({
  request,
  picked,
  onPick,
  onClose,
}: {
  request: RowMenuRequest
  picked: boolean
  onPick: () => void
  onClose: () => void
}) {
  const { t } = useSelectionI18n()
  const navigate = useNavigate()
  const writes = new Set<WriteOperation>(useSession().data?.writes ?? [])
  const menu = useMenuStore({
    open: true,
    setOpen: (open) => {
      if (!open) onClose()
    },
  })
  useEffect(() => {
    menu.setAutoFocusOnShow(true)
    menu.setInitialFocus('first')
  }, [menu])
  const words = t.selection.row
  const { href, link, at } = request
  const open = (edit?: WriteOperation) => () =>
    void navigate(href, { state: edit ? { fromBoard: true, edit } : { fromBoard: true } })
  const items: { label: string; key?: string; onClick: () => void }[] = [
    { label: words.open, key: 'Enter', onClick: open() },
    ...(writes.has('status') ? [{ label: words.status, key: 's', onClick: open('status') }] : []),
    ...(writes.has('priority') ? [{ label: words.priority, key: 'p', onClick: open('priority') }] : []),
    ...(writes.has('assignee') ? [{ label: words.assignee, key: 'a', onClick: open('assignee') }] : []),
    ...(writes.has('dueDate') ? [{ label: words.due, key: 'd', onClick: open('dueDate') }] : []),
    ...(writes.has('complete') ? [{ label: words.complete, onClick: open('complete') }] : []),
    { label: picked ? words.unpick : words.pick, key: 'x', onClick: onPick },
  ]
  return (
    <Menu
      store={menu}
      gutter={4}
      className="menu"
      portal
      aria-label={words.label}
      getAnchorRect={() => (at ? { x: at.x, y: at.y } : link.getBoundingClientRect())}
      finalFocus={link}
    >
      <div className="menu__list">
        {items.map((item) => (
          <MenuItem key={item.label} className="menu-item row-menu__item" onClick={item.onClick}>
            <span className="menu-item__label">{item.label}</span>
            {item.key && <kbd aria-hidden="true">{item.key}</kbd>}
          </MenuItem>
        ))}
      </div>
    </Menu>
  )
}

/** A finished job stays in view this long after it ended (after a reload too), then only its open peers show. */
const FINISHED_SHOWN_MS = 15 * 60_000

export interface SelectionBarProps {
  selection: Selection
  onClear: () => void
  /** Told whether this person may change tasks: rows can be picked only then. */
  onWritable: (writable: boolean) => void
}

/**
 * Changes on many tasks: the picked rows' count and the changes this person
 * may make, a preview of what each would do, then the server's job with its
 * progress and an outcome per task. The job is the server's: it goes on when
 * this tab closes, and shows again (with how it ended) when the board opens.
 */
export function SelectionBar({ selection, onClear, onWritable }: SelectionBarProps) {
  const { t } = useSelectionI18n()
  const allowed = useSession().data?.writes
  const writes = new Set<WriteOperation>(allowed ?? [])
  const writable = writes.size > 0
  useEffect(() => onWritable(writable), [writable, onWritable])
  const [plan, setPlan] = useState<BulkPlan | null>(null)
  const { jobs, dismiss } = useShownJobs(writable)
  const words = t.selection

  // With rows picked, a change's key (s, p, a, d) opens that change's menu for all of them (`count` tells
  // presses apart); Esc clears them. A menu, dialog or field that takes the key keeps it.
  const [requested, setRequested] = useState<{ operation: WriteOperation; count: number } | null>(null)
  useEffect(() => {
    if (selection.size === 0) return
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTypingTarget(event.target)) return
      if (document.querySelector('[role="dialog"], [role="menu"]')) return
      const operation = editShortcut(event)
      if (operation) {
        event.preventDefault()
        setRequested((before) => ({ operation, count: (before?.count ?? 0) + 1 }))
      } else if (event.key === 'Escape') onClear()
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [selection.size, onClear])

  if (selection.size === 0 && jobs.length === 0) return null
  const propose = (change: JobChange) => setPlan(planBulk(change, selection.values()))
  return (
    <section className="selection-bar" aria-label={words.region}>
      {selection.size > 0 && writes.size > 0 && (
        <div className="selection-bar__picked">
          <p className="selection-bar__count" role="status">
            {words.picked(selection.size)}
          </p>
          <div className="selection-bar__actions">
            {writes.has('status') && (
              <ChoiceMenu
                label={words.status}
                open={requested?.operation === 'status' ? requested.count : null}
                options={TASK_STATUSES.map((value) => ({ value, label: t.status[value] }))}
                onChoose={(to) =>
                  propose(
                    to === 'completed' && writes.has('complete') ? { field: 'complete' } : { field: 'status', to },
                  )
                }
              />
            )}
            {writes.has('priority') && (
              <ChoiceMenu
                label={words.priority}
                open={requested?.operation === 'priority' ? requested.count : null}
                options={WRITABLE_PRIORITIES.map((value) => ({ value, label: t.priority[value] }))}
                onChoose={(to) => propose({ field: 'priority', to })}
              />
            )}
            {writes.has('assignee') && (
              <AssigneeMenu open={requested?.operation === 'assignee' ? requested.count : null} onChoose={propose} />
            )}
            {writes.has('dueDate') && (
              <DueMenu open={requested?.operation === 'dueDate' ? requested.count : null} onChoose={propose} />
            )}
            {writes.has('complete') && (
              <button type="button" className="button" onClick={() => propose({ field: 'complete' })}>
                {words.complete}
              </button>
            )}
            <button type="button" className="button button--quiet" onClick={onClear}>
              {words.clear} <kbd>Esc</kbd>
            </button>
          </div>
        </div>
      )}
      {jobs.map((job) => (
        <JobReport key={job.id} job={job} titles={selection} onDismiss={() => dismiss(job.id)} />
      ))}
      {plan && (
        <Preview
          plan={plan}
          onClose={() => setPlan(null)}
          onStarted={() => {
            setPlan(null)
            onClear()
          }}
        />
      )}
    </section>
  )
}

/** The person's jobs worth showing: those under way, and those that ended a short while ago and were not put away. */
function useShownJobs(writable: boolean): { jobs: TaskJob[]; dismiss: (id: string) => void } {
  const queryClient = useQueryClient()
  const answered = useQuery({ ...taskJobQueries.mine(), enabled: writable }).data
  const jobs = useMemo(() => answered ?? [], [answered])
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set())
  // The board follows a job: each task it changed may be on any view, in any figure.
  const users = useUsers().data
  const applied = jobs.reduce((sum, job) => sum + job.items.filter((item) => item.outcome === 'applied').length, 0)
  const seenApplied = useRef(applied)
  useEffect(() => {
    if (applied === seenApplied.current) return
    seenApplied.current = applied
    // Each task as the job left it (read back by the server), in place at once; then every view asked again.
    for (const job of jobs) putApplied(queryClient, job, users ?? [])
    void queryClient.invalidateQueries({ queryKey: taskQueries.all() })
    void queryClient.invalidateQueries({ queryKey: figureQueries.all() })
  }, [applied, jobs, users, queryClient])
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

function ChoiceMenu<V extends string>({
  label,
  options,
  open,
  onChoose,
}: {
  label: string
  options: readonly { value: V; label: string }[]
  /** When set (a key press's time), the menu opens. */
  open: number | null
  onChoose: (value: V) => void
}) {
  const menu = useMenuStore()
  useEffect(() => {
    // Opened by a key: the first value takes the focus, as when the button is opened with the arrow keys.
    if (open === null) return
    menu.setAutoFocusOnShow(true)
    menu.setInitialFocus('first')
    menu.show()
  }, [open, menu])
  return (
    <MenuProvider store={menu}>
      <MenuButton className="button filter-button">
        {label}
        <span aria-hidden="true" className="filter-button__arrow">
          ▾
        </span>
      </MenuButton>
      <Menu gutter={4} className="menu" portal unmountOnHide>
        <div className="menu__list">
          {options.map((option) => (
            <MenuItem key={option.value} className="menu-item" onClick={() => onChoose(option.value)}>
              <span className="menu-item__label">{option.label}</span>
            </MenuItem>
          ))}
        </div>
      </Menu>
    </MenuProvider>
  )
}

const NOBODY = 'nobody'

function AssigneeMenu({ open, onChoose }: { open: number | null; onChoose: (change: JobChange) => void }) {
  const { t } = useSelectionI18n()
  const people = (useUsers().data ?? [])
    .map((user) => ({ value: user.id, label: user.name ?? user.id }))
    .sort((a, b) => a.label.localeCompare(b.label))
  return (
    <ChoiceMenu
      label={t.selection.assignee}
      open={open}
      options={[{ value: NOBODY, label: t.selection.nobody }, ...people]}
      onChoose={(value) => onChoose({ field: 'assignee', to: value === NOBODY ? null : value })}
    />
  )
}

function DueMenu({ open, onChoose }: { open: number | null; onChoose: (change: JobChange) => void }) {
  const { t } = useSelectionI18n()
  const { timeZone } = useDateStyle()
  const popover = usePopoverStore()
  const [value, setValue] = useState('')
  useEffect(() => {
    if (open !== null) popover.show()
  }, [open, popover])
  const at = fromDateTimeInput(value, timeZone)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (at === null) return
    popover.hide()
    onChoose({ field: 'dueDate', to: at })
  }
  return (
    <PopoverProvider store={popover}>
      <PopoverDisclosure className="button filter-button">
        {t.selection.due}
        <span aria-hidden="true" className="filter-button__arrow">
          ▾
        </span>
      </PopoverDisclosure>
      <Popover gutter={4} className="menu selection-due" portal unmountOnHide aria-label={t.selection.due}>
        <form onSubmit={submit} className="selection-due__form">
          <input
            type="datetime-local"
            className="input"
            aria-label={t.selection.due}
            value={value}
            onChange={(event) => setValue(event.target.value)}
          />
          <button type="submit" className="button" disabled={at === null}>
            {t.selection.dueApply}
          </button>
          <button
            type="button"
            className="button button--quiet"
            onClick={() => {
              popover.hide()
              onChoose({ field: 'dueDate', to: null })
            }}
          >
            {t.selection.noDue}
          </button>
        </form>
      </Popover>
    </PopoverProvider>
  )
}

/** What a change sets, in words: its value ("Urgent") and the whole change ("Set priority to Urgent"). */
function useChangeWords(): (field: JobChange['field'], target: unknown) => { value: string; what: string } {
  const { t } = useSelectionI18n()
  const style = useDateStyle()
  const users = useUsers().data ?? []
  const words = t.selection
  const valueOf = (field: JobChange['field'], target: unknown): string => {
    switch (field) {
      case 'complete':
        return t.status.completed
      case 'status':
        return t.status[target as (typeof TASK_STATUSES)[number]] ?? String(target)
      case 'priority':
        return t.priority[target as (typeof WRITABLE_PRIORITIES)[number]] ?? String(target)
      case 'assignee':
        return target === null
          ? words.nobody
          : (users.find((user) => user.id === target)?.name ?? (typeof target === 'string' ? target : ''))
      case 'dueDate':
        return typeof target === 'number' ? formatDateTime(target, style) : words.noDue
    }
  }
  const fieldName = { status: words.status, priority: words.priority, assignee: t.columns.assignee, dueDate: words.due }
  return (field, target) => {
    const value = valueOf(field, target)
    return { value, what: field === 'complete' ? words.completeWhat : words.setTo(fieldName[field], value) }
  }
}

/** Before anything is written: how many tasks the change would change, and which it leaves alone and why. */
function Preview({ plan, onClose, onStarted }: { plan: BulkPlan; onClose: () => void; onStarted: () => void }) {
  const { t } = useSelectionI18n()
  const queryClient = useQueryClient()
  const words = t.selection
  const { change } = plan
  const { value, what } = useChangeWords()(change.field, change.field === 'complete' ? 'completed' : change.to)
  const total = plan.willChange.length + plan.already.length + plan.unreadable.length
  const start = useMutation({
    mutationFn: () => startTaskJob({ change, tasks: plan.willChange }),
    onSuccess: (job) => {
      queryClient.setQueryData(taskJobQueries.all(), (jobs: TaskJob[] | undefined) => [job, ...(jobs ?? [])])
      void queryClient.invalidateQueries({ queryKey: taskJobQueries.all() })
      onStarted()
    },
  })
  const problem = start.error ? describeError(start.error, t) : null
  return (
    <Dialog open onClose={onClose} className="dialog" backdrop={<div className="detail-backdrop" />} unmountOnHide>
      <DialogHeading className="dialog__title">{words.previewTitle(what, total)}</DialogHeading>
      <ul className="selection-preview">
        <li>{words.willChange(plan.willChange.length)}</li>
        {plan.already.length > 0 && (
          <li>
            {change.field === 'complete'
              ? words.alreadyDone(plan.already.length)
              : words.already(plan.already.length, value)}
          </li>
        )}
        {plan.unreadable.length > 0 && <li>{words.unreadable(plan.unreadable.length)}</li>}
      </ul>
      {change.field === 'complete' && <p>{words.noMail}</p>}
      {plan.willChange.length > 0 && <p className="muted">{words.guard}</p>}
      {problem && (
        <p role="alert" className="selection-preview__problem">
          {words.startFailed} {problem.title}
        </p>
      )}
      <div className="dialog__actions">
        {plan.willChange.length > 0 ? (
          <button type="button" className="button" disabled={start.isPending} onClick={() => start.mutate()}>
            {words.go(plan.willChange.length)}
          </button>
        ) : (
          <p>{words.nothing}</p>
        )}
        <button type="button" className="button button--quiet" onClick={onClose}>
          {plan.willChange.length > 0 ? words.cancel : words.close}
        </button>
      </div>
    </Dialog>
  )
}

const OUTCOME_ORDER = ['applied', 'conflict', 'ignored', 'refused', 'failed'] as const

/** One job: its progress while it runs, then how each task ended, with the failed ones to try again. */
function JobReport({
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
                {words.counts[item.outcome as (typeof OUTCOME_ORDER)[number]](1).replace(/^1 /, '')}
                {item.message && <span className="muted"> — {item.message}</span>}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  )
}

/** Puts the value a job set on every list page row of a task it changed. */
function putApplied(queryClient: ReturnType<typeof useQueryClient>, job: TaskJob, users: readonly User[]): void {
  const changed = new Set(job.items.filter((item) => item.outcome === 'applied').map((item) => item.taskId))
  if (changed.size === 0) return
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
