import { median } from './bench-stats.ts'

/** The goals of board ÷ baseline, by figure key; figures without one are compared but not judged. */
export const RATIO_GOALS: Record<string, number> = {
  fiftyFirstRowMs: 0.75,
  fiftyFirstRowFrameMs: 0.75,
  earlySortMs: 0.75,
  earlyTabMs: 0.75,
  thousandFirstScreenMs: 0.5,
  sortMs: 0.5,
  tabMs: 0.5,
  nextMs: 0.34,
  backMs: 0.34,
  jsBeforeFirstRowKiB: 1.2,
  thousandLongTaskMs: 0.5,
  thousandHeapMB: 0.5,
}

export interface Compared {
  key: string
  board: number | null
  baseline: number | null
  /** Median of the per-run ratios board ÷ baseline; null where the baseline has no such figure. */
  ratio: number | null
  ratios: (number | null)[]
  goal: number | null
}

/**
 * Board and baseline ran alternately, so run i of one is next to run i of the
 * other in time: the ratio of each pair cancels some of the machine's drift,
 * and the median of those ratios is the figure. A zero or missing baseline
 * value, or a figure marked `ratio: false`, has no ratio.
 */
export function compareRuns(
  key: string,
  board: { median: number | null; runs: (number | null)[] },
  baseline: { median: number | null; runs: (number | null)[] } | undefined,
  withRatio: boolean,
): Compared {
  const ratios = board.runs.map((value, index) => {
    const base = baseline?.runs[index] ?? null
    return withRatio && value !== null && base !== null && base > 0 ? value / base : null
  })
  return {
    key,
    board: board.median,
    baseline: baseline?.median ?? null,
    ratio: median(ratios),
    ratios,
    goal: RATIO_GOALS[key] ?? null,
  }
}

/** "0.62 (goal ≤ 0.5: missed)", or "—" without a ratio. */
export function formatRatio(compared: Compared): string {
  if (compared.ratio === null) return '—'
  const ratio = compared.ratio.toFixed(2)
  if (compared.goal === null) return ratio
  return `${ratio} (≤ ${compared.goal}: ${compared.ratio <= compared.goal ? 'met' : 'missed'})`
}
