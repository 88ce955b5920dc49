import type { ReactNode } from 'react'
import { CopyTextButton } from '../../../components/ui/copy-text-button.tsx'
import { formatDateTime } from '../../../lib/format.ts'
import { useDateStyle } from '../../../lib/render-environment.tsx'
import { useDetailI18n } from './words/detail-words.ts'
import { RELATED_KINDS, type Task } from '../../../shared/tasks/api/schemas.ts'
import type { WriteOperation } from '../../../shared/tasks/api/task-change.ts'
import { isUnreadable, type Unreadable } from '../../../shared/tasks/api/unreadable.ts'
import { useTaskTypes, useUsers } from '../api/use-lookups.ts'
import { AssigneeName } from '../presenters/assignee-name.tsx'
import { RelatedNames } from '../presenters/related-names.tsx'
import { TagList } from '../presenters/tag-list.tsx'
import { formatIdentifier } from '../../../shared/tasks/task-text.ts'
import { UnreadableValue } from '../presenters/unreadable-value.tsx'
import { PriorityCell } from '../table/cells/priority-cell.tsx'
import { StatusCell } from '../table/cells/status-cell.tsx'
import { ContactLink, TextCell } from '../table/cells/text-cells.tsx'
import { DetailHeader } from './detail-header.tsx'
import { pageHref } from '../../../lib/page-address.ts'
import { ChangeHistory } from './change-history.tsx'
import {
  AssigneeEditor,
  ChangeFeedback,
  CompleteAction,
  DueEditor,
  PriorityEditor,
  StatusEditor,
  useTaskEditing,
} from './task-editors.tsx'

/**
 * Everything the board knows about one task, under its header (title,
 * identifier, copy link). `edit` opens one change's control ready (a row's
 * shortcut asked for it).
 */
export function TaskFields({ task, edit }: { task: Task; edit?: WriteOperation | undefined }) {
  const { t } = useDetailI18n()
  const style = useDateStyle()
  const f = t.taskPanel.fields
  const dateText = (value: number | null) => (value === null ? t.cells.none : formatDateTime(value, style))
  const types = useTaskTypes()
  const users = useUsers()
  const type = types.data?.find((candidate) => candidate._id === task.taskTypeId)
  const byUser = (id: string | Unreadable | null) => {
    if (id === null) return null
    if (isUnreadable(id))
      return (
        <>
          {' '}
          · <UnreadableValue value={id} detailed />
        </>
      )
    return ` · ${users.data?.find((user) => user.id === id)?.name ?? id}`
  }
  const identifier = formatIdentifier(task, type?.prefix)
  const template = task.taskTemplate
  const unreadableDocument = task.documentIds.find(isUnreadable)
  const related = RELATED_KINDS.filter((kind) => task.related[kind].length > 0)
  const editing = useTaskEditing(task)
  const can = (operation: WriteOperation, editable: unknown) => editing.writes.has(operation) && !isUnreadable(editable)

  return (
    <>
      <DetailHeader
        title={isUnreadable(task.title) ? t.unreadable.label : (task.title ?? t.taskPanel.untitled)}
        subtitle={
          <span className="detail__identifier">
            {isUnreadable(identifier) ? <UnreadableValue value={identifier} detailed /> : identifier}
          </span>
        }
        actions={<CopyTextButton text={pageHref} label={t.copy.taskLink} done={t.copy.copied} />}
      />
      {editing.writes.size > 0 && <ChangeFeedback editing={editing} />}
      <dl className="detail__fields">
        {isUnreadable(task.title) && (
          <Field label={f.title}>
            <UnreadableValue value={task.title} detailed />
          </Field>
        )}
        <Field label={f.status}>
          {can('status', task.taskStatus) ? (
            <StatusEditor task={task} editing={editing} autoOpen={edit === 'status'} />
          ) : (
            <StatusCell status={task.taskStatus} detailed />
          )}
          {editing.writes.has('complete') && (
            <CompleteAction task={task} editing={editing} autoOpen={edit === 'complete'} />
          )}
        </Field>
        <Field label={f.priority}>
          {can('priority', task.priority) ? (
            <PriorityEditor task={task} editing={editing} autoOpen={edit === 'priority'} />
          ) : (
            <PriorityCell priority={task.priority} detailed />
          )}
        </Field>
        <Field label={f.type}>
          <TextCell text={type?.name ?? task.taskTypeId} detailed />
        </Field>
        <Field label={f.assignee}>
          {can('assignee', task.assignee) ? (
            <AssigneeEditor task={task} editing={editing} autoOpen={edit === 'assignee'} />
          ) : (
            <AssigneeName assignee={task.assignee} detailed />
          )}
        </Field>
        <Field label={f.due}>
          {editing.writes.has('dueDate') ? (
            <DueEditor key={String(task.dueDate)} task={task} editing={editing} autoOpen={edit === 'dueDate'} />
          ) : (
            dateText(task.dueDate)
          )}
        </Field>
        <Field label={f.created}>
          {dateText(task.status.createdAt)}
          {byUser(task.status.createdBy)}
        </Field>
        <Field label={f.updated}>
          {dateText(task.status.lastModifiedAt)}
          {byUser(task.status.lastModifiedBy)}
        </Field>
        <Field label={f.firstStarted}>{dateText(task.firstStartedAt)}</Field>
        <Field label={f.firstCompleted}>{dateText(task.firstTerminatedAt)}</Field>
        {task.complaintCreatedAt !== null && <Field label={f.complaint}>{dateText(task.complaintCreatedAt)}</Field>}
        <Field label={f.contactPerson}>
          <TextCell text={task.contactPerson} detailed />
        </Field>
        <Field label={f.email}>
          <ContactLink kind="mailto" value={task.email} detailed />
        </Field>
        <Field label={f.telephone}>
          <ContactLink kind="tel" value={task.telephone} detailed />
        </Field>
        <Field label={f.tags}>{task.tags.length > 0 ? <TagList tags={task.tags} /> : t.cells.none}</Field>
        {template && (
          <Field label={f.template}>
            {isUnreadable(template) ? (
              <UnreadableValue value={template} detailed />
            ) : (
              <>
                <TextCell text={template.templateName ?? template.entityId} detailed />
                {template.recurring && f.recurring}
              </>
            )}
          </Field>
        )}
        <Field label={f.documents}>
          {unreadableDocument ? <UnreadableValue value={unreadableDocument} detailed /> : task.documentIds.length}
        </Field>
        {task.callId && (
          <Field label={f.call}>
            <TextCell text={task.callId} detailed />
          </Field>
        )}
      </dl>
      <section className="detail__section">
        <h3>{t.taskPanel.description}</h3>
        {isUnreadable(task.description) ? (
          <p>
            <UnreadableValue value={task.description} detailed />
          </p>
        ) : task.description ? (
          <p className="detail__text">{task.description}</p>
        ) : (
          <p className="muted">{t.taskPanel.noDescription}</p>
        )}
      </section>
      {task.completionResponse && (
        <section className="detail__section">
          <h3>{t.taskPanel.completion}</h3>
          <p className="detail__text">
            <TextCell text={task.completionResponse} detailed />
          </p>
        </section>
      )}
      <ChangeHistory taskId={task._id} users={editing.users} canWrite={editing.writes.size > 0} />
      {related.length > 0 && (
        <section className="detail__section">
          <h3>{t.taskPanel.related}</h3>
          <dl className="detail__fields">
            {related.map((kind) => (
              <Field key={kind} label={t.taskPanel.relatedKinds[kind]}>
                <RelatedNames entities={task.related[kind]} />
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
