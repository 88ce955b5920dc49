/** How many tags fit beside the other columns; the rest are counted. */
const SHOWN_TAGS = 2

export function TagsCell({ tags }: { tags: string[] }) {
  if (tags.length === 0) return null
  const hidden = tags.slice(SHOWN_TAGS)
  return (
    <span className="tags">
      {tags.slice(0, SHOWN_TAGS).map((tag) => (
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
