import { isUnreadable, type Unreadable } from '../../../shared/tasks/api/unreadable.ts'
import { useI18n } from '../../../lib/i18n/i18n.tsx'
import { UnreadableValue } from './unreadable-value.tsx'

/**
 * A task's tags. With `shown`, only that many are spelled out and the rest
 * counted (their names in the tooltip and for screen readers). A tag the
 * board could not read shows as unreadable.
 */
export function TagList({ tags, shown = tags.length }: { tags: readonly (string | Unreadable)[]; shown?: number }) {
  const { t } = useI18n()
  if (tags.length === 0) return null
  const hidden = tags.slice(shown).map((tag) => (isUnreadable(tag) ? t.unreadable.label : tag))
  return (
    <span className="tags">
      {tags.slice(0, shown).map((tag, index) =>
        isUnreadable(tag) ? (
          // Unreadable tags have no text of their own to key by; their place in the list is stable.
          <UnreadableValue key={`unreadable-${index}`} value={tag} />
        ) : (
          <span key={tag} className="tag">
            {tag}
          </span>
        ),
      )}
      {hidden.length > 0 && (
        <span className="tag tag--more" title={hidden.join(', ')}>
          +{hidden.length}
          <span className="visually-hidden">: {hidden.join(', ')}</span>
        </span>
      )}
    </span>
  )
}
