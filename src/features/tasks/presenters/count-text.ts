import { formatNumber, formatTime, type DateStyle } from '../../../lib/format.ts'
import type { Messages } from '../../../shared/i18n/en.ts'
import type { Count } from '../api/figure-schemas.ts'
import { REFRESH_INTERVAL_MS } from '../api/refresh-interval.ts'

/** A count as a badge shows it (`shown`) and as a screen reader hears it after the label (`spoken`). */
export interface CountText {
  shown: string
  spoken: string
  /** The figure is a lower bound or older than its refresh. */
  approximate: boolean
}

/**
 * Honest words for a count: exact ("437"), a lower bound while counting or
 * over budget ("1,000+"), or "≈" with its time when it is older than the
 * refresh or kept because a new one could not be taken. `receivedAt` is
 * when the answer arrived, not the clock of every render, so the words
 * (and what a screen reader hears) change only with a new answer.
 */
export function toCountText(
  count: Count,
  receivedAt: number,
  style: DateStyle & { locale: string },
  t: Messages,
): CountText {
  const { locale } = style
  const number = formatNumber(count.count, locale)
  if (count.state === 'atLeast') return { shown: `${number}+`, spoken: t.counts.atLeast(number), approximate: true }
  const old = count.reason !== undefined || receivedAt - count.asOf > REFRESH_INTERVAL_MS
  if (!old) return { shown: number, spoken: number, approximate: false }
  const time = formatTime(count.asOf, style)
  return { shown: `≈${number} · ${time}`, spoken: t.counts.asOf(number, time), approximate: true }
}
