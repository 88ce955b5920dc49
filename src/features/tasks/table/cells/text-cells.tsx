import { useI18n } from '../../../../lib/i18n/i18n.tsx'
import { isUnreadable, type Unreadable } from '../../../../shared/tasks/api/unreadable.ts'
import { UnreadableValue } from '../../presenters/unreadable-value.tsx'
import type { ColumnId } from '../columns.tsx'
import { useTaskType } from '../task-types-context.ts'

export function TextCell({ text, detailed = false }: { text: string | Unreadable | null; detailed?: boolean }) {
  if (isUnreadable(text)) return <UnreadableValue value={text} detailed={detailed} />
  return text ? <span className="cell-text">{text}</span> : <span className="muted">—</span>
}

export function TypeNameCell({ typeId }: { typeId: string | Unreadable | null }) {
  const type = useTaskType(isUnreadable(typeId) ? null : typeId)
  return <TextCell text={type?.name ?? typeId} />
}

/**
 * mailto: and tel: links built from the encoded value, so whatever the field
 * holds stays inside the link's address and cannot become another scheme.
 */
export function contactHref(kind: 'mailto' | 'tel', value: string): string {
  return kind === 'tel'
    ? `tel:${encodeURIComponent(value.replace(/[^\d+]/g, ''))}`
    : `mailto:${encodeURIComponent(value)}`
}

export function ContactLink({
  kind,
  value,
  detailed = false,
}: {
  kind: 'mailto' | 'tel'
  value: string | Unreadable | null
  detailed?: boolean
}) {
  if (isUnreadable(value)) return <UnreadableValue value={value} detailed={detailed} />
  if (!value) return <span className="muted">—</span>
  return (
    <a className="cell-text" href={contactHref(kind, value)}>
      {value}
    </a>
  )
}

/** A column header in the user's language. */
export function HeaderText({ column }: { column: ColumnId }) {
  const { t } = useI18n()
  return <>{t.columns[column]}</>
}
