import type { ReactNode } from 'react'
import { CopyTextButton } from '../../../components/ui/copy-text-button.tsx'
import { formatDateTime } from '../../../lib/format.ts'
import { useI18n } from '../../../lib/i18n/i18n.tsx'
import { RELATED_KINDS, type Task } from '../api/schemas.ts'
import { useTaskTypes, useUsers } from '../api/use-lookups.ts'
import { AssigneeName } from '../presenters/assignee-name.tsx'
import { TagList } from '../presenters/tag-list.tsx'
import { formatIdentifier, formatRelatedNames } from '../presenters/task-text.ts'
import { PriorityCell } from '../table/cells/priority-cell.tsx'
import { StatusCell } from '../table/cells/status-cell.tsx'
import { ContactLink } from '../table/cells/text-cells.tsx'
import { DetailHeader } from './detail-header.tsx'

/** Everything the board knows about one task, under its header (title, identifier, copy link). */
export function TaskFields({ task }: { task: Task }) {
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
          <AssigneeName assignee={task.assignee} />
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
        <Field label={f.tags}>{task.tags.length > 0 ? <TagList tags={task.tags} /> : t.cells.none}</Field>
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
                {formatRelatedNames(task.related[kind])}
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
