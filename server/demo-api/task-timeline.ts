import { DAY, HOUR, MINUTE } from './clock.ts'
import type { LooseTimestamp } from './entities.ts'
import type { Random } from './random.ts'

/** How far back a task in each state was created, in days: work still open is recent. */
const MAX_AGE_DAYS: Readonly<Record<string, number>> = {
  new: 21,
  open: 45,
  in_progress: 60,
  in_review: 60,
  completed: 180,
  cancelled: 180,
}

type DueKind = 'none' | 'overdue' | 'today' | 'soon' | 'later'

export interface TaskTimes {
  createdAt: number
  lastModifiedAt: number
  dueDate: number | null
  firstStartedAt: number | null
  firstTerminatedAt: number | null
  complaintCreatedAt: number | null
}

/**
 * A task's timeline, consistent in itself (created before started before
 * finished, nothing after now) and relative to today, so every day the demo
 * starts there are tasks overdue, due today and due later.
 */
export function taskTimes(
  random: Random,
  { now, today }: { now: number; today: number },
  taskStatus: string | null,
  isComplaint: boolean,
): TaskTimes {
  const maxAge = MAX_AGE_DAYS[taskStatus ?? ''] ?? 90
  let createdAt = today - random.int(0, maxAge) * DAY + random.int(6 * HOUR, 19 * HOUR)
  if (createdAt > now) createdAt = now - random.int(1, 180) * MINUTE

  const dueKind = random.weighted<DueKind>([
    ['none', 15],
    ['overdue', 20],
    ['today', 12],
    ['soon', 28],
    ['later', 25],
  ])
  const dueDate = dueDateFor(random, today, dueKind)
  // Nobody sets a due date before the task exists.
  if (dueDate !== null && dueDate < createdAt) createdAt = dueDate - random.int(1, 240) * HOUR

  const started = taskStatus !== 'new' && taskStatus !== null && !(taskStatus === 'cancelled' && random.chance(0.5))
  const firstStartedAt = started ? laterThan(random, createdAt, 10 * MINUTE, 3 * DAY, now) : null
  const firstTerminatedAt =
    taskStatus === 'completed' && firstStartedAt !== null
      ? laterThan(random, firstStartedAt, 30 * MINUTE, 5 * DAY, now)
      : null
  const complaintCreatedAt = isComplaint ? createdAt - random.int(5, 48 * 60) * MINUTE : null
  const latest = Math.max(createdAt, firstStartedAt ?? 0, firstTerminatedAt ?? 0)
  const lastModifiedAt = laterThan(random, latest, 0, 3 * DAY, now)
  return { createdAt, lastModifiedAt, dueDate, firstStartedAt, firstTerminatedAt, complaintCreatedAt }
}

function dueDateFor(random: Random, today: number, kind: DueKind): number | null {
  const clockTime = () => (random.chance(0.2) ? 0 : random.int(7, 18) * HOUR + random.pick([0, 15, 30, 45]) * MINUTE)
  switch (kind) {
    case 'none':
      return null
    case 'overdue':
      return (
        today -
        random.weighted([
          [random.int(1, 6), 50],
          [random.int(7, 45), 50],
        ] as const) *
          DAY +
        clockTime()
      )
    case 'today':
      return today + clockTime()
    case 'soon':
      return today + random.int(1, 7) * DAY + clockTime()
    case 'later':
      return today + random.int(8, 60) * DAY + clockTime()
  }
}

/** A moment `min`..`max` after `after`, but not after `now` (and never before `after`). */
function laterThan(random: Random, after: number, min: number, max: number, now: number): number {
  const candidate = after + random.int(min, max)
  if (candidate <= now) return candidate
  return after + Math.floor(random.next() * Math.max(0, now - after))
}

/**
 * The shapes the live API sends for "any"-typed timestamps: epoch
 * milliseconds mostly, ISO strings (with and without milliseconds) too.
 */
export function looseTimestamp(random: Random, epochMs: number | null): LooseTimestamp {
  if (epochMs === null) return null
  const shape = random.weighted([
    ['epoch', 80],
    ['iso', 15],
    ['iso-seconds', 5],
  ] as const)
  if (shape === 'epoch') return epochMs
  const iso = new Date(epochMs).toISOString()
  return shape === 'iso' ? iso : iso.replace(/\.\d{3}Z$/, 'Z')
}
