import '../../../components/ui/input.css'
import './task-editors.css'
import { Select, SelectItem, SelectItemCheck, SelectPopover, SelectProvider } from '@ariakit/react'
import { useEffect, useState, type FormEvent, type ReactNode } from 'react'
import { describeError } from '../../../lib/describe-error.ts'
import { isTypingTarget } from '../../../lib/is-typing-target.ts'
import { useDateStyle } from '../../../lib/render-environment.tsx'
import { fromDateTimeInput, toDateTimeInput } from '../../../shared/zoned-time.ts'
import { TASK_STATUSES, type Task } from '../../../shared/tasks/api/schemas.ts'
import { WRITABLE_PRIORITIES, type TaskChange, type WriteOperation } from '../../../shared/tasks/api/task-change.ts'
import { isUnreadable } from '../../../shared/tasks/api/unreadable.ts'
import { priorityInfo, statusInfo } from '../../../shared/tasks/catalog.ts'
import { useSession } from '../../views/api/session-queries.ts'
import { changeAnswerOf } from '../api/task-changes-api.ts'
import { useUsers } from '../api/use-lookups.ts'
import { useTaskChange } from '../api/use-task-change.ts'
import { AssigneeName } from '../presenters/assignee-name.tsx'
import { useDetailI18n } from './words/detail-words.ts'

type Feedback = { kind: 'done' | 'problem'; text: string; detail?: string | null } | null

/** How long a change can be undone from its confirmation (or with Ctrl+Z). */
export const UNDO_MS = 10_000

/** A change before it gets what every change carries: the `lastModifiedAt` the board saw. */
type UnsentChange = DistributiveOmit<TaskChange, 'seenModifiedAt'>
type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never

/**
 * Changing one task from its panel: which changes this person may make,
 * sending one, and the sentence that says how it ended. An operation the
 * deployment has not enabled (or a reader) gets no control at all.
 */
export function useTaskEditing(task: Task) {
  const { t } = useDetailI18n()
  const writes = new Set<WriteOperation>(useSession().data?.writes ?? [])
  const users = useUsers().data ?? []
  const mutation = useTaskChange(task, users)
  const [feedback, setFeedback] = useState<Feedback>(null)
  const [undo, setUndo] = useState<{ change: UnsentChange; id: number } | null>(null)
  const words = t.taskPanel.changes

  useEffect(() => {
    if (!undo) return
    const timer = setTimeout(() => setUndo((current) => (current?.id === undo.id ? null : current)), UNDO_MS)
    return () => clearTimeout(timer)
  }, [undo])

  function send(change: UnsentChange, done: string, { undoable = true } = {}) {
    setFeedback(null)
    setUndo(null)
    const full: TaskChange = { ...change, seenModifiedAt: task.status.lastModifiedAt }
    mutation.mutate(full, {
      onSuccess: () => {
        setFeedback({ kind: 'done', text: done })
        const reverse = undoable ? reverseOf(full, writes) : null
        if (reverse) setUndo({ change: reverse, id: Math.random() })
      },
      onError: (error) => {
        const answer = changeAnswerOf(error)
        if (answer?.outcome === 'conflict') setFeedback({ kind: 'problem', text: words.conflict })
        else if (answer?.outcome === 'ignored') setFeedback({ kind: 'problem', text: words.ignored })
        else if (answer?.outcome === 'refused')
          setFeedback({ kind: 'problem', text: words.refused, detail: answer.message })
        else {
          const { title, detail } = describeError(error, t)
          setFeedback({ kind: 'problem', text: `${words.failed} ${title}`, detail })
        }
      },
    })
  }

  /** Takes the last change back through the same checks: a colleague's change since is not overwritten. */
  const undoLast = undo
    ? () => {
        setUndo(null)
        send(undo.change, words.undone, { undoable: false })
      }
    : null

  // Ctrl+Z (⌘Z) while the undo is offered, unless a field being typed in takes the key for itself.
  useEffect(() => {
    if (!undoLast) return
    const onKey = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== 'z' || !(event.ctrlKey || event.metaKey) || event.shiftKey) return
      if (isTypingTarget(event.target)) return
      event.preventDefault()
      undoLast()
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  })

  return { writes, users, send, pending: mutation.isPending, feedback, undo: undoLast }
}

/**
 * The change that takes `change` back, from the value it set to the one it
 * replaced; null when there is none the board may make (an unknown old
 * priority, or completing where status changes are off).
 */
export function reverseOf(change: TaskChange, writes: ReadonlySet<WriteOperation>): UnsentChange | null {
  const status = (value: string | null) => TASK_STATUSES.find((known) => known === value)
  switch (change.field) {
    case 'assignee':
      return change.from === null || /^[0-9a-f]{24}$/i.test(change.from)
        ? { field: 'assignee', from: change.to, to: change.from }
        : null
    case 'priority': {
      const to = WRITABLE_PRIORITIES.find((known) => known === change.from)
      return to ? { field: 'priority', from: change.to, to } : null
    }
    case 'dueDate':
      return { field: 'dueDate', from: change.to, to: change.from }
    case 'status': {
      const to = status(change.from)
      return to ? { field: 'status', from: change.to, to } : null
    }
    case 'complete': {
      const to = status(change.from)
      return to && writes.has('status') ? { field: 'status', from: 'completed', to } : null
    }
  }
}

export type TaskEditing = ReturnType<typeof useTaskEditing>

interface EditorProps {
  task: Task
  editing: TaskEditing
  /** Opened (or focused) at once: a row's shortcut asked for this change. */
  autoOpen?: boolean
}

/** How the last change ended, where a screen reader hears it, with Undo for a while after one was made. */
export function ChangeFeedback({ editing }: { editing: TaskEditing }) {
  const { t } = useDetailI18n()
  const { feedback, undo } = editing
  return (
    <div className="change-feedback" role="status" data-testid="change-feedback">
      {feedback && (
        <p className={feedback.kind === 'problem' ? 'change-feedback__problem' : 'change-feedback__done'}>
          {feedback.text}
          {feedback.detail && <span className="muted"> {feedback.detail}</span>}
          {undo && (
            <button
              type="button"
              className="button button--quiet change-feedback__undo"
              aria-keyshortcuts="Control+Z"
              onClick={undo}
            >
              {t.taskPanel.changes.undo}
            </button>
          )}
        </p>
      )}
    </div>
  )
}

export function StatusEditor({ task, editing, autoOpen = false }: EditorProps) {
  const { t } = useDetailI18n()
  const [completing, setCompleting] = useState(false)
  const status = task.taskStatus
  if (isUnreadable(status)) return null
  const label = t.taskPanel.fields.status
  const choose = (to: (typeof TASK_STATUSES)[number]) => {
    // Completing has its own operation (and its e-mail question) when the deployment allows it.
    if (to === 'completed' && editing.writes.has('complete')) setCompleting(true)
    else editing.send({ field: 'status', from: status, to }, t.taskPanel.changes.set(label, t.status[to]))
  }
  return (
    <>
      <ChoiceSelect
        label={label}
        value={status}
        current={statusInfo(status, t).label}
        options={TASK_STATUSES.map((value) => ({ value, label: t.status[value] }))}
        disabled={editing.pending}
        autoOpen={autoOpen}
        onChoose={choose}
      />
      {completing && <CompleteForm task={task} editing={editing} onClose={() => setCompleting(false)} />}
    </>
  )
}

export function PriorityEditor({ task, editing, autoOpen = false }: EditorProps) {
  const { t } = useDetailI18n()
  const priority = task.priority
  if (isUnreadable(priority)) return null
  const label = t.taskPanel.fields.priority
  return (
    <ChoiceSelect
      label={label}
      value={priority}
      current={priorityInfo(priority, t)?.label ?? t.cells.none}
      options={WRITABLE_PRIORITIES.map((value) => ({ value, label: t.priority[value] }))}
      disabled={editing.pending}
      autoOpen={autoOpen}
      onChoose={(to) =>
        editing.send({ field: 'priority', from: priority, to }, t.taskPanel.changes.set(label, t.priority[to]))
      }
    />
  )
}

const NOBODY = 'nobody'

export function AssigneeEditor({ task, editing, autoOpen = false }: EditorProps) {
  const { t } = useDetailI18n()
  const assignee = task.assignee
  if (isUnreadable(assignee)) return null
  const from = assignee?.entityId ?? null
  const label = t.taskPanel.fields.assignee
  const words = t.taskPanel.changes
  const people = editing.users
    .map((user) => ({ value: user.id, label: user.name ?? user.id }))
    .sort((a, b) => a.label.localeCompare(b.label))
  return (
    <ChoiceSelect
      label={label}
      value={from ?? NOBODY}
      current={<AssigneeName assignee={assignee} />}
      options={[{ value: NOBODY, label: words.nobody }, ...people]}
      disabled={editing.pending || people.length === 0}
      autoOpen={autoOpen}
      onChoose={(choice) => {
        const to = choice === NOBODY ? null : choice
        const name = people.find((person) => person.value === to)?.label ?? words.nobody
        editing.send({ field: 'assignee', from, to }, words.set(label, name))
      }}
    />
  )
}

export function DueEditor({ task, editing, autoOpen = false }: EditorProps) {
  const { t } = useDetailI18n()
  const style = useDateStyle()
  const shown = task.dueDate === null ? '' : toDateTimeInput(task.dueDate, style.timeZone)
  const [value, setValue] = useState(shown)
  const words = t.taskPanel.changes
  const label = t.taskPanel.fields.due
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const to = fromDateTimeInput(value, style.timeZone)
    if (to === null) return
    editing.send({ field: 'dueDate', from: task.dueDate, to }, words.set(label, value.replace('T', ' ')))
  }
  return (
    <form className="due-editor" onSubmit={submit}>
      <input
        className="input"
        type="datetime-local"
        aria-label={label}
        value={value}
        required
        // A row's shortcut asked for this change: the field takes the keys at once.
        // eslint-disable-next-line jsx-a11y/no-autofocus
        autoFocus={autoOpen}
        onChange={(event) => setValue(event.target.value)}
      />
      <button type="submit" className="button" disabled={editing.pending || value === '' || value === shown}>
        {words.dueSave}
      </button>
      {task.dueDate !== null && (
        <button
          type="button"
          className="button button--quiet"
          disabled={editing.pending}
          onClick={() => {
            setValue('')
            editing.send({ field: 'dueDate', from: task.dueDate, to: null }, words.dueCleared)
          }}
        >
          {words.dueClear}
        </button>
      )}
    </form>
  )
}

/** The Complete button, for a task that is not finished. */
export function CompleteAction({
  task,
  editing,
  autoOpen = false,
}: {
  task: Task
  editing: TaskEditing
  /** A row's menu asked for this: the form is open at once. */
  autoOpen?: boolean
}) {
  const { t } = useDetailI18n()
  const [open, setOpen] = useState(autoOpen)
  const status = task.taskStatus
  if (isUnreadable(status) || status === 'completed' || status === 'cancelled') return null
  return open ? (
    <CompleteForm task={task} editing={editing} onClose={() => setOpen(false)} focus={autoOpen} />
  ) : (
    <button type="button" className="button" disabled={editing.pending} onClick={() => setOpen(true)}>
      {t.taskPanel.changes.complete}
    </button>
  )
}

/** Completing asks once, and mails the customer only when the dispatcher ticks it, with the address in view. */
function CompleteForm({
  task,
  editing,
  onClose,
  focus = false,
}: {
  task: Task
  editing: TaskEditing
  onClose: () => void
  /** Opened by a row's menu: the confirmation takes the focus, so Enter completes and Esc does not. */
  focus?: boolean
}) {
  const { t } = useDetailI18n()
  const words = t.taskPanel.changes
  const [sendEmail, setSendEmail] = useState(false)
  const status = task.taskStatus
  const recipient = typeof task.email === 'string' && task.email.includes('@') ? task.email : null
  if (isUnreadable(status)) return null
  return (
    <form
      className="complete-form"
      aria-label={words.completeTitle}
      onSubmit={(event) => {
        event.preventDefault()
        editing.send(
          {
            field: 'complete',
            from: status,
            sendEmail: sendEmail && recipient !== null,
            ...(sendEmail && recipient ? { recipientEmail: recipient } : {}),
          },
          sendEmail && recipient ? words.completedMailed(recipient) : words.completed,
        )
        onClose()
      }}
    >
      <p className="complete-form__title">{words.completeTitle}</p>
      {recipient ? (
        <label className="complete-form__mail">
          <input type="checkbox" checked={sendEmail} onChange={(event) => setSendEmail(event.target.checked)} />
          {words.sendEmail(recipient)}
        </label>
      ) : (
        <p className="muted">{words.noRecipient}</p>
      )}
      <div className="complete-form__actions">
        {/* eslint-disable-next-line jsx-a11y/no-autofocus */}
        <button type="submit" className="button" disabled={editing.pending} autoFocus={focus}>
          {words.completeConfirm}
        </button>
        <button type="button" className="button button--quiet" onClick={onClose}>
          {words.cancel}
        </button>
      </div>
    </form>
  )
}

/**
 * A select of the values the board may set, from the accessible widget
 * library: arrow keys open it and move, Enter or a click chooses, so
 * looking through the values writes nothing. A value the task holds but the
 * board cannot set is named on the button.
 */
function ChoiceSelect<V extends string>({
  label,
  value,
  current,
  options,
  disabled,
  autoOpen = false,
  onChoose,
}: {
  label: string
  value: string | null
  current: ReactNode
  options: readonly { value: V; label: string }[]
  disabled: boolean
  autoOpen?: boolean
  onChoose: (value: V) => void
}) {
  const chosen = options.find((option) => option.value === value)
  return (
    <SelectProvider
      defaultOpen={autoOpen}
      value={chosen?.value ?? ''}
      setValue={(next) => {
        if (next !== value && options.some((option) => option.value === next)) onChoose(next as V)
      }}
    >
      <Select
        className="button filter-button"
        aria-label={label}
        disabled={disabled}
        moveOnKeyDown={false}
        // A row's shortcut asked for this change: the list is open and takes the keys at once.
        // eslint-disable-next-line jsx-a11y/no-autofocus
        autoFocus={autoOpen}
      >
        <span>{chosen?.label ?? current}</span>
        <span aria-hidden="true" className="filter-button__arrow">
          ▾
        </span>
      </Select>
      <SelectPopover gutter={4} className="menu" portal unmountOnHide>
        <div className="menu__list">
          {options.map((option) => (
            <SelectItem key={option.value} value={option.value} className="menu-item">
              <SelectItemCheck className="menu-item__check" />
              <span className="menu-item__label">{option.label}</span>
            </SelectItem>
          ))}
        </div>
      </SelectPopover>
    </SelectProvider>
  )
}
