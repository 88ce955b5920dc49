import type { KnownTaskStatus } from './api/schemas.ts'
import type { Tab } from './url-state/board-state.ts'

/** Label and tone of each workflow status; read by cells and filters alike. */
export const STATUS_CATALOG: Record<KnownTaskStatus, { label: string; tone: Tone }> = {
  new: { label: 'New', tone: 'blue' },
  open: { label: 'Open', tone: 'violet' },
  in_progress: { label: 'In progress', tone: 'amber' },
  in_review: { label: 'In review', tone: 'teal' },
  completed: { label: 'Completed', tone: 'green' },
  cancelled: { label: 'Cancelled', tone: 'grey' },
}

/** Priorities in urgency order, most urgent first. */
export const PRIORITY_CATALOG = {
  urgent: { label: 'Urgent', tone: 'red', rank: 0 },
  high: { label: 'High', tone: 'orange', rank: 1 },
  medium: { label: 'Medium', tone: 'amber', rank: 2 },
  low: { label: 'Low', tone: 'grey', rank: 3 },
} as const satisfies Record<string, { label: string; tone: Tone; rank: number }>

/** Known priorities, most urgent first. */
export const PRIORITY_ORDER = ['urgent', 'high', 'medium', 'low'] as const

export type Tone = 'blue' | 'violet' | 'amber' | 'teal' | 'green' | 'grey' | 'red' | 'orange' | 'neutral'

export function statusInfo(status: string | null): { label: string; tone: Tone } {
  if (status === null) return { label: '—', tone: 'neutral' }
  return Object.hasOwn(STATUS_CATALOG, status)
    ? STATUS_CATALOG[status as KnownTaskStatus]
    : { label: status, tone: 'neutral' }
}

export function priorityInfo(priority: string | null): { label: string; tone: Tone } | null {
  if (priority === null || priority === '') return null
  return Object.hasOwn(PRIORITY_CATALOG, priority)
    ? PRIORITY_CATALOG[priority as keyof typeof PRIORITY_CATALOG]
    : { label: priority, tone: 'neutral' }
}

export const TAB_LABELS: Record<Tab, string> = {
  active: 'Active',
  new: STATUS_CATALOG.new.label,
  open: STATUS_CATALOG.open.label,
  in_progress: STATUS_CATALOG.in_progress.label,
  in_review: STATUS_CATALOG.in_review.label,
  completed: STATUS_CATALOG.completed.label,
  cancelled: STATUS_CATALOG.cancelled.label,
  all: 'All',
}
