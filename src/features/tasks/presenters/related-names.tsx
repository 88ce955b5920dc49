import type { RelatedEntity } from '../../../shared/tasks/api/schemas.ts'
import { isUnreadable, type Unreadable } from '../../../shared/tasks/api/unreadable.ts'
import { UnreadableValue } from './unreadable-value.tsx'

/**
 * Related customers, objects … by name (their id when they have none); a
 * dash for none. Entries the board could not read (or whose name it could
 * not read) are marked once at the end, so the list is never shorter than
 * what arrived without saying so.
 */
export function RelatedNames({ entities }: { entities: readonly (RelatedEntity | Unreadable)[] }) {
  if (entities.length === 0) return <span className="muted">—</span>
  const names: string[] = []
  let broken: Unreadable | null = null
  for (const entity of entities) {
    const problem = isUnreadable(entity) ? entity : isUnreadable(entity.name) ? entity.name : null
    if (problem) broken ??= problem
    else if (!isUnreadable(entity)) names.push(typeof entity.name === 'string' ? entity.name : entity.entityId)
  }
  return (
    <span className="cell-text">
      {names.join(', ')}
      {broken && (
        <>
          {names.length > 0 && ', '}
          <UnreadableValue value={broken} />
        </>
      )}
    </span>
  )
}
