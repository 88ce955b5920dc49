import { useI18n } from '../../../lib/i18n/i18n.tsx'
import type { Unreadable } from '../../../shared/tasks/api/unreadable.ts'
import './unreadable-value.css'

/**
 * "unreadable" where a value the board could not read belongs, never an
 * empty cell. What arrived is in the tooltip and for screen readers; with
 * `detailed` (the task panel) it is spelled out beside the word.
 */
export function UnreadableValue({ value, detailed = false }: { value: Unreadable; detailed?: boolean }) {
  const { t } = useI18n()
  const sent = t.unreadable.sent(value.unreadable, value.raw)
  if (detailed) {
    return (
      <span className="unreadable-detail">
        <span className="unreadable">{t.unreadable.label}</span>
        <span className="muted">{sent}</span>
      </span>
    )
  }
  return (
    <span className="unreadable" title={sent} data-unreadable>
      {t.unreadable.label}
      <span className="visually-hidden"> ({sent})</span>
    </span>
  )
}
