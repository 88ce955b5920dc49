import type { Messages } from '../i18n/en.ts'
import type { KnownTaskStatus } from './api/schemas.ts'

export type Tone = 'blue' | 'violet' | 'amber' | 'teal' | 'green' | 'grey' | 'red' | 'orange' | 'neutral'

/** Tone of each workflow status; read by cells and filters alike. Words live in the message catalogues. */
export const STATUS_TONES: Record<KnownTaskStatus, Tone> = {
  new: 'blue',
  open: 'violet',
  in_progress: 'amber',
  in_review: 'teal',
  completed: 'green',
  cancelled: 'grey',
}

/** Known priorities, most urgent first. */
export const PRIORITY_ORDER = ['urgent', 'high', 'medium', 'low'] as const
export type KnownPriority = (typeof PRIORITY_ORDER)[number]

export const PRIORITY_TONES: Record<KnownPriority, Tone> = {
  urgent: 'red',
  high: 'orange',
  medium: 'amber',
  low: 'grey',
}

/** Unknown statuses show as they came, on a neutral badge; a missing one as a dash. */
export function statusInfo(status: string | null, t: Messages): { label: string; tone: Tone } {
  if (status === null) return { label: t.cells.none, tone: 'neutral' }
  return Object.hasOwn(STATUS_TONES, status)
    ? { label: t.status[status as KnownTaskStatus], tone: STATUS_TONES[status as KnownTaskStatus] }
    : { label: status, tone: 'neutral' }
}

export function isKnownPriority(priority: string): priority is KnownPriority {
  return Object.hasOwn(PRIORITY_TONES, priority)
}

/** Unknown priorities show as neutral text; none at all as nothing. */
export function priorityInfo(priority: string | null, t: Messages): { label: string; tone: Tone } | null {
  if (priority === null || priority === '') return null
  return isKnownPriority(priority)
    ? { label: t.priority[priority], tone: PRIORITY_TONES[priority] }
    : { label: priority, tone: 'neutral' }
}
