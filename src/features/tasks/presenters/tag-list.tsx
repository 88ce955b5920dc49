/**
 * A task's tags. With `shown`, only that many are spelled out and the rest
 * counted (their names in the tooltip and for screen readers).
 */
export function TagList({ tags, shown = tags.length }: { tags: readonly string[]; shown?: number }) {
  if (tags.length === 0) return null
  const hidden = tags.slice(shown)
  return (
    <span className="tags">
      {tags.slice(0, shown).map((tag) => (
        <span key={tag} className="tag">
          {tag}
        </span>
      ))}
      {hidden.length > 0 && (
        <span className="tag tag--more" title={hidden.join(', ')}>
          +{hidden.length}
          <span className="visually-hidden">: {hidden.join(', ')}</span>
        </span>
      )}
    </span>
  )
}
