import type { RelatedEntity } from './entities.ts'
import { randomObjectId, type Random } from './random.ts'
import { EQUIPMENT_TYPES, UNDOCUMENTED_PRIORITIES, UNDOCUMENTED_TASK_STATUSES } from './task-catalog.ts'

/** The weighted draws that shape a demo task (how often each state, count and priority comes up), and the one shared empty list. */

export const TASK_STATUS_WEIGHTS: readonly (readonly [string | null, number])[] = [
  ['new', 15],
  ['open', 20],
  ['in_progress', 20],
  ['in_review', 10],
  ['completed', 24.3],
  ['cancelled', 5],
  [null, 0.5],
  [UNDOCUMENTED_TASK_STATUSES[0], 0.1],
  [UNDOCUMENTED_TASK_STATUSES[1], 0.1],
]

/** How likely a task in each state has someone assigned. */
export const ASSIGNED_SHARE: Readonly<Record<string, number>> = {
  new: 0.45,
  open: 0.8,
  in_progress: 0.97,
  in_review: 0.95,
  completed: 0.95,
  cancelled: 0.7,
}

/** The field staff a task of each type usually goes to. */
export const SKILLS_BY_PREFIX: Readonly<Record<string, readonly string[]>> = {
  CLN: ['cleaning', 'windows'],
  HZG: ['heating', 'plumbing'],
  INS: ['inspection', 'fire-safety', 'electrical'],
  REP: ['repair', 'electrical', 'carpentry', 'plumbing'],
  REC: ['cleaning', 'groundskeeping', 'heating'],
}

export const CONTACT_COUNT_WEIGHTS = [
  [0, 40],
  [1, 45],
  [2, 15],
] as const
export const TAG_COUNT_WEIGHTS = [
  [0, 40],
  [1, 30],
  [2, 17],
  [3, 9],
  [4, 4],
] as const
export const DOCUMENT_COUNT_WEIGHTS = [
  [0, 55],
  [1, 25],
  [2, 12],
  [3, 8],
] as const

export function pickPriority(random: Random): string | undefined {
  return random.weighted<string | undefined>([
    ['low', 25],
    ['medium', 40],
    ['high', 22],
    ['urgent', 10],
    [UNDOCUMENTED_PRIORITIES[0], 0.5],
    [UNDOCUMENTED_PRIORITIES[1], 0.3],
    [UNDOCUMENTED_PRIORITIES[2], 0.2],
    [undefined, 2],
  ])
}

export function equipmentCount(random: Random, prefix: string): number {
  if (EQUIPMENT_TYPES.has(prefix)) return random.chance(0.6) ? random.int(1, 2) : 0
  return random.chance(0.08) ? 1 : 0
}

export function invoice(random: Random, createdAt: number): RelatedEntity {
  const year = new Date(createdAt).getUTCFullYear()
  return { entityId: randomObjectId(random), name: `RE-${year}-${String(random.int(1, 99_999)).padStart(5, '0')}` }
}

/**
 * The one empty list every task without entries shares: tasks are never
 * changed after generation, and a hundred thousand of them would otherwise
 * carry half a million empty arrays.
 */
export const NONE: readonly never[] = Object.freeze([])

export function orNone<T>(list: readonly T[]): readonly T[] {
  return list.length === 0 ? NONE : list
}
