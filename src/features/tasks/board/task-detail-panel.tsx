import { Dialog, DialogDismiss, DialogHeading } from '@ariakit/react'
import { useMemo, type ReactNode } from 'react'
import { useLocation, useNavigate } from 'react-router'
import { Avatar } from '../../../components/ui/avatar.tsx'
import { ErrorBoundary, RenderErrorNotice } from '../../../components/ui/error-boundary.tsx'
import { formatDateTime } from '../../../lib/format.ts'
import { isApiError } from '../../../lib/api-error.ts'
import { useTaskDetail } from '../api/use-task-detail.ts'
import { useTaskTypes, useUsers } from '../api/use-tasks.ts'
import { RELATED_KINDS, type RelatedKind, type Task } from '../api/schemas.ts'
import { formatIdentifier } from '../table/cells/identifier-cell.tsx'
import { PriorityCell } from '../table/cells/priority-cell.tsx'
import { ContactLink } from '../table/cells/text-cells.tsx'
import { StatusCell } from '../table/cells/status-cell.tsx'
import { BOARD_PATH } from '../url-state/paths.ts'
import { describeError } from './describe-error.ts'
import { CopyTextButton } from './copy-text-button.tsx'

const RELATED_LABELS: Record<RelatedKind, string> = {
  customers: 'Customers',
  objects: 'Objects',
  contacts: 'Contacts',
  users: 'Users',
  assignments: 'Assignments',
  invoices: 'Invoices',
  equipment: 'Equipment',
}

/**
 * The task at /tasks/:taskId, as a side panel over the board. Closing it
 * returns to the board URL with the same view; when the board opened it,
 * closing is a step back in history, so Back and Close agree.
 */
export function TaskDetailPanel({ taskId }: { taskId: string }) {
  const navigate = useNavigate()
  const location = useLocation()
  const openedFromBoard = (location.state as { fromBoard?: boolean } | null)?.fromBoard === true

  function close() {
    if (openedFromBoard) void navigate(-1)
    else void navigate(`${BOARD_PATH}${location.search}`, { replace: true })
  }

  // Focus goes back to the row's link the panel was opened from.
  const finalFocus = useMemo(
    () => ({
      get current() {
        return document.querySelector<HTMLElement>(`a[data-task-link][href^="${BOARD_PATH}/${CSS.escape(taskId)}"]`)
      },
    }),
    [taskId],
  )

  return (
    <Dialog
      open
      onClose={close}
      className="detail"
      backdrop={<div className="detail-backdrop" />}
      finalFocus={finalFocus}
    >
      <ErrorBoundary
        fallback={(error, reset) => (
          <>
            <DetailHeader title="This task could not be displayed" />
            <RenderErrorNotice what="The task" error={error} onRetry={reset} />
          </>
        )}
      >
        <TaskDetailBody taskId={taskId} />
      </ErrorBoundary>
    </Dialog>
  )
}

function TaskDetailBody({ taskId }: { taskId: string }) {
  const detail = useTaskDetail(taskId)
  if (detail.isPending) {
    return (
      <>
        <DetailHeader title="Loading task…" />
        <p className="muted" role="status">
          Loading…
        </p>
      </>
    )
  }
  if (detail.isError) {
    const notFound = isApiError(detail.error) && (detail.error.status === 404 || detail.error.status === 400)
    const { title, detail: reason } = describeError(detail.error)
    return (
      <>
        <DetailHeader title={notFound ? 'Task not found' : 'The task could not be loaded'} />
        <p role="alert">{notFound ? 'There is no task with this address. It may have been deleted.' : title}</p>
        {!notFound && reason && <p className="muted">{reason}</p>}
        {!notFound && (
          <button type="button" className="button" onClick={() => void detail.refetch()}>
            Retry
          </button>
        )}
      </>
    )
  }
  return <TaskDetails task={detail.data} />
}

function DetailHeader({ title, subtitle, actions }: { title: string; subtitle?: ReactNode; actions?: ReactNode }) {
  return (
    <header className="detail__header">
      <div className="detail__heading">
        {subtitle}
        <DialogHeading className="detail__title">{title}</DialogHeading>
      </div>
      <div className="detail__actions">
        {actions}
        <DialogDismiss className="button" aria-label="Close">
          Close
        </DialogDismiss>
      </div>
    </header>
  )
}

function TaskDetails({ task }: { task: Task }) {
  const types = useTaskTypes()
  const users = useUsers()
  const type = types.data?.find((candidate) => candidate._id === task.taskTypeId)
  const userName = (id: string | null) =>
    id === null ? null : (users.data?.find((user) => user.id === id)?.name ?? id)
  const related = RELATED_KINDS.filter((kind) => task.related[kind].length > 0)

  return (
    <>
      <DetailHeader
        title={task.title ?? 'Untitled task'}
        subtitle={<span className="detail__identifier">{formatIdentifier(task, type?.prefix)}</span>}
        actions={<CopyTextButton text={() => window.location.href} label="Copy link to this task" done="Link copied" />}
      />
      <dl className="detail__fields">
        <Field label="Status">
          <StatusCell status={task.taskStatus} />
        </Field>
        <Field label="Priority">
          <PriorityCell priority={task.priority} />
        </Field>
        <Field label="Type">{type?.name ?? task.taskTypeId}</Field>
        <Field label="Assignee">
          {task.assignee ? (
            <span className="assignee">
              <Avatar name={task.assignee.name ?? task.assignee.entityId} picture={task.assignee.profilePicture} />
              {task.assignee.name ?? task.assignee.entityId}
            </span>
          ) : (
            <span className="muted">Unassigned</span>
          )}
        </Field>
        <Field label="Due">{dateText(task.dueDate)}</Field>
        <Field label="Created">
          {dateText(task.status.createdAt)}
          {task.status.createdBy && ` · ${userName(task.status.createdBy)}`}
        </Field>
        <Field label="Updated">
          {dateText(task.status.lastModifiedAt)}
          {task.status.lastModifiedBy && ` · ${userName(task.status.lastModifiedBy)}`}
        </Field>
        <Field label="First started">{dateText(task.firstStartedAt)}</Field>
        <Field label="First completed">{dateText(task.firstTerminatedAt)}</Field>
        {task.complaintCreatedAt !== null && (
          <Field label="Complaint received">{dateText(task.complaintCreatedAt)}</Field>
        )}
        <Field label="Contact person">{task.contactPerson ?? '—'}</Field>
        <Field label="Email">
          <ContactLink kind="mailto" value={task.email} />
        </Field>
        <Field label="Telephone">
          <ContactLink kind="tel" value={task.telephone} />
        </Field>
        <Field label="Tags">
          {task.tags.length > 0 ? (
            <span className="tags">
              {task.tags.map((tag) => (
                <span key={tag} className="tag">
                  {tag}
                </span>
              ))}
            </span>
          ) : (
            '—'
          )}
        </Field>
        {task.taskTemplate && (
          <Field label="Template">
            {task.taskTemplate.templateName ?? task.taskTemplate.entityId}
            {task.taskTemplate.recurring && ' (recurring)'}
          </Field>
        )}
        <Field label="Documents">{task.documentIds.length}</Field>
        {task.callId && <Field label="Call">{task.callId}</Field>}
      </dl>
      <section className="detail__section">
        <h3>Description</h3>
        {task.description ? (
          <p className="detail__text">{task.description}</p>
        ) : (
          <p className="muted">No description</p>
        )}
      </section>
      {task.completionResponse && (
        <section className="detail__section">
          <h3>Completion response</h3>
          <p className="detail__text">{task.completionResponse}</p>
        </section>
      )}
      {related.length > 0 && (
        <section className="detail__section">
          <h3>Related</h3>
          <dl className="detail__fields">
            {related.map((kind) => (
              <Field key={kind} label={RELATED_LABELS[kind]}>
                {task.related[kind].map((entity) => entity.name ?? entity.entityId).join(', ')}
              </Field>
            ))}
          </dl>
        </section>
      )}
    </>
  )
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="detail__field">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  )
}

function dateText(value: number | null): string {
  return value === null ? '—' : formatDateTime(value)
}
