import { useI18n } from '../../../../lib/i18n/i18n.tsx'
import type { ColumnId } from '../columns.tsx'
import { useTaskType } from '../task-types-context.ts'

export function TextCell({ text }: { text: string | null }) {
  return text ? <span className="cell-text">{text}</span> : <span className="muted">—</span>
}

export function TypeNameCell({ typeId }: { typeId: string | null }) {
  const type = useTaskType(typeId)
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

export function ContactLink({ kind, value }: { kind: 'mailto' | 'tel'; value: string | null }) {
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
