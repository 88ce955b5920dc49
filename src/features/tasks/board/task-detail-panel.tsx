import { Dialog, DialogDismiss, DialogHeading } from '@ariakit/react'
import { useMemo, type ReactNode } from 'react'
import { useLocation, useNavigate } from 'react-router'
import { Avatar } from '../../../components/ui/avatar.tsx'
import { ErrorBoundary, RenderErrorNotice } from '../../../components/ui/error-boundary.tsx'
import { formatDateTime } from '../../../lib/format.ts'
import { useI18n } from '../../../lib/i18n/i18n.tsx'
import { isApiError } from '../../../lib/api-error.ts'
import { useTaskDetail } from '../api/use-task-detail.ts'
import { useTaskTypes, useUsers } from '../api/use-lookups.ts'
import { RELATED_KINDS, type Task } from '../api/schemas.ts'
import { formatIdentifier } from '../table/cells/identifier-cell.tsx'
import { PriorityCell } from '../table/cells/priority-cell.tsx'
import { ContactLink } from '../table/cells/text-cells.tsx'
import { StatusCell } from '../table/cells/status-cell.tsx'
import { BOARD_PATH } from '../url-state/paths.ts'
import { describeError } from './notices/describe-error.ts'
import { CopyTextButton } from '../../../components/ui/copy-text-button.tsx'

/**
 * The task at /tasks/:taskId, as a side panel over the board. Closing it
 * returns to the board URL with the same view; when the board opened it,
 * closing is a step back in history, so Back and Close agree.
 */
export function TaskDetailPanel({ taskId }: { taskId: string }) {
  const { t } = useI18n()
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
            <DetailHeader title={t.detail.renderFailed} />
            <RenderErrorNotice what={t.detail.theTask} error={error} onRetry={reset} />
          </>
        )}
      >
        <TaskDetailBody taskId={taskId} />
      </ErrorBoundary>
    </Dialog>
  )
}

function TaskDetailBody({ taskId }: { taskId: string }) {
  const { t } = useI18n()
  const detail = useTaskDetail(taskId)
  if (detail.isPending) {
    return (
      <>
        <DetailHeader title={t.detail.loading} />
        <p className="muted" role="status">
          {t.pager.loading}
        </p>
      </>
    )
  }
  if (detail.isError) {
    const notFound = isApiError(detail.error) && (detail.error.status === 404 || detail.error.status === 400)
    const { title, detail: reason } = describeError(detail.error, t)
    return (
      <>
        <DetailHeader title={notFound ? t.detail.notFound : t.detail.failed} />
        <p role="alert">{notFound ? t.detail.notFoundText : title}</p>
        {!notFound && reason && <p className="muted">{reason}</p>}
        {!notFound && (
          <button type="button" className="button" onClick={() => void detail.refetch()}>
            {t.errors.retry}
          </button>
        )}
      </>
    )
  }
  return <TaskDetails task={detail.data} />
}

function DetailHeader({ title, subtitle, actions }: { title: string; subtitle?: ReactNode; actions?: ReactNode }) {
  const { t } = useI18n()
  return (
    <header className="detail__header">
      <div className="detail__heading">
        {subtitle}
        <DialogHeading className="detail__title">{title}</DialogHeading>
      </div>
      <div className="detail__actions">
        {actions}
        <DialogDismiss className="button">{t.detail.close}</DialogDismiss>
      </div>
    </header>
  )
}

function TaskDetails({ task }: { task: Task }) {
  const { t, locale } = useI18n()
  const f = t.detail.fields
  const dateText = (value: number | null) => (value === null ? t.cells.none : formatDateTime(value, locale))
  const types = useTaskTypes()
  const users = useUsers()
  const type = types.data?.find((candidate) => candidate._id === task.taskTypeId)
  const userName = (id: string | null) =>
    id === null ? null : (users.data?.find((user) => user.id === id)?.name ?? id)
  const related = RELATED_KINDS.filter((kind) => task.related[kind].length > 0)

  return (
    <>
      <DetailHeader
        title={task.title ?? t.detail.untitled}
        subtitle={<span className="detail__identifier">{formatIdentifier(task, type?.prefix)}</span>}
        actions={<CopyTextButton text={() => window.location.href} label={t.copy.taskLink} done={t.copy.copied} />}
      />
      <dl className="detail__fields">
        <Field label={f.status}>
          <StatusCell status={task.taskStatus} />
        </Field>
        <Field label={f.priority}>
          <PriorityCell priority={task.priority} />
        </Field>
        <Field label={f.type}>{type?.name ?? task.taskTypeId}</Field>
        <Field label={f.assignee}>
          {task.assignee ? (
            <span className="assignee">
              <Avatar name={task.assignee.name ?? task.assignee.entityId} picture={task.assignee.profilePicture} />
              {task.assignee.name ?? task.assignee.entityId}
            </span>
          ) : (
            <span className="muted">{t.cells.unassigned}</span>
          )}
        </Field>
        <Field label={f.due}>{dateText(task.dueDate)}</Field>
        <Field label={f.created}>
          {dateText(task.status.createdAt)}
          {task.status.createdBy && ` · ${userName(task.status.createdBy)}`}
        </Field>
        <Field label={f.updated}>
          {dateText(task.status.lastModifiedAt)}
          {task.status.lastModifiedBy && ` · ${userName(task.status.lastModifiedBy)}`}
        </Field>
        <Field label={f.firstStarted}>{dateText(task.firstStartedAt)}</Field>
        <Field label={f.firstCompleted}>{dateText(task.firstTerminatedAt)}</Field>
        {task.complaintCreatedAt !== null && <Field label={f.complaint}>{dateText(task.complaintCreatedAt)}</Field>}
        <Field label={f.contactPerson}>{task.contactPerson ?? t.cells.none}</Field>
        <Field label={f.email}>
          <ContactLink kind="mailto" value={task.email} />
        </Field>
        <Field label={f.telephone}>
          <ContactLink kind="tel" value={task.telephone} />
        </Field>
        <Field label={f.tags}>
          {task.tags.length > 0 ? (
            <span className="tags">
              {task.tags.map((tag) => (
                <span key={tag} className="tag">
                  {tag}
                </span>
              ))}
            </span>
          ) : (
            t.cells.none
          )}
        </Field>
        {task.taskTemplate && (
          <Field label={f.template}>
            {task.taskTemplate.templateName ?? task.taskTemplate.entityId}
            {task.taskTemplate.recurring && f.recurring}
          </Field>
        )}
        <Field label={f.documents}>{task.documentIds.length}</Field>
        {task.callId && <Field label={f.call}>{task.callId}</Field>}
      </dl>
      <section className="detail__section">
        <h3>{t.detail.description}</h3>
        {task.description ? (
          <p className="detail__text">{task.description}</p>
        ) : (
          <p className="muted">{t.detail.noDescription}</p>
        )}
      </section>
      {task.completionResponse && (
        <section className="detail__section">
          <h3>{t.detail.completion}</h3>
          <p className="detail__text">{task.completionResponse}</p>
        </section>
      )}
      {related.length > 0 && (
        <section className="detail__section">
          <h3>{t.detail.related}</h3>
          <dl className="detail__fields">
            {related.map((kind) => (
              <Field key={kind} label={t.detail.relatedKinds[kind]}>
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
