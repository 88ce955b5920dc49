import type { RelatedEntity, Task } from '../api/schemas.ts'

/** `REC-1042` as people say it; the number alone when the type is unknown. */
export function formatIdentifier(task: Pick<Task, 'identifierNumber' | 'number'>, prefix: string | null | undefined) {
  const number = task.identifierNumber ?? task.number
  if (number === null) return '—'
  return prefix ? `${prefix}-${number}` : String(number)
}

/** Related customers, objects … by name (their id when they have none); null when there are none. */
export function formatRelatedNames(entities: readonly RelatedEntity[]): string | null {
  return entities.map((entity) => entity.name ?? entity.entityId).join(', ') || null
}
