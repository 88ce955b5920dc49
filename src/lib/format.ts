/**
 * Date formatting through Intl, in the user's locale and time zone. Intl
 * formatters are costly to build, so each is built once per locale and kept.
 */
const cache = new Map<string, Intl.DateTimeFormat | Intl.RelativeTimeFormat | Intl.NumberFormat>()

function cached<T extends Intl.DateTimeFormat | Intl.RelativeTimeFormat | Intl.NumberFormat>(
  key: string,
  build: () => T,
): T {
  let formatter = cache.get(key)
  if (!formatter) {
    formatter = build()
    cache.set(key, formatter)
  }
  return formatter as T
}

/** The zone the browser's clock is in, as Intl names it. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone
}

/**
 * How dates are written: in a language, and in a time zone (undefined: the
 * browser's own). A render takes its zone from its environment
 * (`useDateStyle`): a first screen rendered on the server writes dates in
 * the zone its browser said it is in.
 */
export interface DateStyle {
  locale: string | undefined
  timeZone: string | undefined
}

export function formatDateTime(epochMs: number, { locale, timeZone }: DateStyle): string {
  return cached(
    `datetime|${locale ?? ''}|${timeZone ?? ''}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }),
  ).format(epochMs)
}

export function formatTime(epochMs: number, { locale, timeZone }: DateStyle): string {
  return cached(
    `time|${locale ?? ''}|${timeZone ?? ''}`,
    () => new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone }),
  ).format(epochMs)
}

const DAY_MS = 86_400_000

/** Whole calendar days from `now` to `epochMs` in the style's time zone (negative: past). */
export function calendarDaysFrom(epochMs: number, now: number, { timeZone }: DateStyle): number {
  const startOfDay = timeZone === undefined ? localStartOfDay : (ms: number) => zonedStartOfDay(ms, timeZone)
  return Math.round((startOfDay(epochMs) - startOfDay(now)) / DAY_MS)
}

/** The calendar day of a moment, as a UTC midnight, in the browser's zone. */
function localStartOfDay(ms: number): number {
  const date = new Date(ms)
  return Date.UTC(date.getFullYear(), date.getMonth(), date.getDate())
}

/** The same in a named zone. */
function zonedStartOfDay(ms: number, timeZone: string): number {
  const parts = cached(
    `day|${timeZone}`,
    () => new Intl.DateTimeFormat('en', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' }),
  ).formatToParts(ms)
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((each) => each.type === type)?.value)
  return Date.UTC(part('year'), part('month') - 1, part('day'))
}

/** "today", "tomorrow", "in 3 days", "2 days ago" — by calendar day. */
export function formatRelativeDay(epochMs: number, now: number, style: DateStyle): string {
  const days = calendarDaysFrom(epochMs, now, style)
  const { locale } = style
  return cached(`relative|${locale ?? ''}`, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })).format(
    days,
    'day',
  )
}

/** "3m", "2h", "18d": a short amount of time, in the locale's narrow unit. */
export function formatUnit(unit: 'day' | 'hour' | 'minute', locale: string | undefined, amount: number): string {
  return cached(
    `unit|${unit}|${locale ?? ''}`,
    () => new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'narrow' }),
  ).format(amount)
}

/**
 * Builds the formatters the table uses. The first use of a locale loads its
 * data, tens of milliseconds on a slow machine; done while the first request
 * is out, it no longer stands between the answer and the first rows.
 */
export function prepareFormatters(locale: string): void {
  const style = { locale, timeZone: undefined }
  try {
    formatDateTime(0, style)
    formatTime(0, style)
    formatRelativeDay(0, 0, style)
    formatUnit('hour', locale, 1)
    formatUnit('minute', locale, 1)
    formatUnit('day', locale, 1)
  } catch {
    // Only a head start: a formatter that fails does so where it is used, in a cell its error boundary guards.
  }
}

const SAMPLE_INSTANT = Date.UTC(2026, 0, 2, 15, 4)

/**
 * A few dates as this runtime formats them in a style: two runtimes whose
 * samples differ would write the same due date differently, so the browser
 * does not take over markup rendered elsewhere.
 */
export function formattingSample(style: DateStyle & { locale: string }): string {
  const { locale } = style
  return [
    formatDateTime(SAMPLE_INSTANT, style),
    formatTime(SAMPLE_INSTANT, style),
    formatRelativeDay(SAMPLE_INSTANT, SAMPLE_INSTANT - 3 * DAY_MS, style),
    formatUnit('hour', locale, 2),
    formatNumber(1302, locale),
  ].join('|')
}

/** "1,302" / "1.302": a count in the locale's digits and grouping. */
export function formatNumber(value: number, locale?: string): string {
  return cached(`number|${locale ?? ''}`, () => new Intl.NumberFormat(locale)).format(value)
}
