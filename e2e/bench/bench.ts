/**
 * Front-end figures of the built app in Chromium, against the demo API through
 * the app server on loopback: bytes before the first row, time to rows on a
 * 50- and a 1,000-row page, long tasks, heap, rows in the DOM, sort, Next and
 * Back, requests per view change, the bundle by package, and the row parser's
 * time in Node. Every run measures the board and then the baseline (a bare
 * TanStack Query + Table page, e2e/bench/baseline/) in the same browser, so
 * each figure prints the board's median, the baseline's and the median of the
 * per-run ratios board ÷ baseline. Writes them to bench-results/latest.json. A script, not a test: it fails only when
 * something breaks, never because a figure misses its target.
 *
 *   npm run bench                   # build, then 5 runs
 *   npm run bench -- --runs 3       # or BENCH_RUNS=3
 *   npm run bench -- --quick        # 1 run
 *   npm run bench -- --no-build     # use dist/ as it is
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, platform, release, tmpdir, totalmem } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { chromium, type Browser } from '@playwright/test'
import { analyzeBundle, type BundleBreakdown, type PackageShare } from './bench-bundle.ts'
import {
  EARLY_TARGETS,
  runEarlyClick,
  type EarlyClickRun,
  runFiftyRows,
  runThousandRows,
  type ChangeTiming,
  type FiftyRowRun,
  type RequestSplit,
  type ThousandRowRun,
} from './bench-browser.ts'
import { compareRuns, formatRatio, type Compared } from './bench-compare.ts'
import { APP_RUNNING_MARK } from '../../src/shared/first-screen-contract.ts'
import { loadRowParser, type ParseTiming } from './bench-parse.ts'
import { runTabCounts, type TabCountsRun } from './bench-tab-counts.ts'
import { kib, mb, median, round } from './bench-stats.ts'
import { chromiumLaunchOptions } from '../support/chromium.ts'
import { startAppProcess, type AppProcess } from '../../server/testing/start-app.ts'

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '../..')
const distDir = join(projectRoot, 'dist')
const baselineDir = join(projectRoot, 'dist-baseline')
const resultsFile = join(projectRoot, 'bench-results', 'latest.json')
const TOP_PACKAGES = 12

interface Options {
  runs: number
  build: boolean
}

function readOptions(): Options {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string' },
      quick: { type: 'boolean', default: false },
      'no-build': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  })
  if (values.help) {
    console.log('usage: npm run bench -- [--runs N | --quick] [--no-build]   (BENCH_RUNS=N also sets the runs)')
    process.exit(0)
  }
  const runs = values.quick ? 1 : Number(values.runs ?? process.env.BENCH_RUNS ?? 5)
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs wants a whole number ≥ 1, not ${values.runs}`)
  return { runs, build: !values['no-build'] }
}

function build(script: string, env: Record<string, string> = {}): void {
  const started = performance.now()
  // npm sets npm_execpath when it runs this script; `npm` on PATH covers a direct `node e2e/bench/bench.ts`.
  const npmCli = process.env.npm_execpath
  const [command, args] = npmCli ? [process.execPath, [npmCli, 'run', script]] : ['npm', ['run', script]]
  // The bundle breakdown reads the source maps, which a plain build leaves out.
  const result = spawnSync(command, args, {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  })
  if (result.status !== 0) {
    throw new Error(`npm run ${script} failed:\n${result.stdout}${result.stderr}${result.error?.message ?? ''}`)
  }
  console.log(`${script}: ${((performance.now() - started) / 1000).toFixed(1)} s`)
}

/** Reads the 1,000-row page the board asks for by default, once, through the app server like the browser. */
async function fetchThousandRows(origin: string): Promise<string> {
  const params = new URLSearchParams({
    limit: '1000',
    offset: '0',
    sort: JSON.stringify({ by: 'status.createdAt', direction: -1 }),
    taskStatus: 'new,open,in_progress,in_review',
  })
  const response = await fetch(`${origin}/api/tasks/?${params}`)
  if (!response.ok) throw new Error(`GET /api/tasks/ answered ${response.status}`)
  return response.text()
}

interface RunResult {
  fifty: FiftyRowRun
  thousand: ThousandRowRun
  /** The board's row parser; the baseline has none. */
  parse: ParseTiming | null
  /** The board's tab counts; the baseline has none. */
  tabCounts: TabCountsRun | null
  /** A click made as the first row shows, one per target. */
  early: EarlyClickRun[]
}

interface Figure {
  key: string
  label: string
  unit: string
  target: string
  median: number | null
  runs: (number | null)[]
  /** How a value prints; defaults to the number with the unit. */
  show?: (value: number) => string
  /** The table line, when it is not the usual one; null when another figure's line shows this one. */
  row?: string[] | null
  /** False where board ÷ baseline means nothing (counts of requests, the board's own parser). */
  ratio?: boolean
}

const sum = (values: { encoded: number }[]) => values.reduce((total, value) => total + value.encoded, 0)
const timingMedian = (timings: (ChangeTiming | null)[]) => median(timings.map((timing) => timing?.frame))

/** Figures the baseline has no counterpart of: no ratio. */
const NO_RATIO = new Set([
  'thousandLastRowVisible',
  'parseMs',
  'tabCountsMs',
  'tabCountsAfterRowMs',
  'tabCountsRequests',
])

/** One early click of each kind, each in a fresh context. */
async function runEarlyClicks(browser: Browser, origin: string): Promise<EarlyClickRun[]> {
  const runs: EarlyClickRun[] = []
  for (const target of EARLY_TARGETS) runs.push(await runEarlyClick(browser, origin, target))
  return runs
}

function figures(results: RunResult[]): Figure[] {
  const figure = (
    key: string,
    label: string,
    unit: string,
    target: string,
    read: (run: RunResult) => number | null | undefined,
    show?: (value: number) => string,
  ): Figure => {
    const runs = results.map((run) => read(run) ?? null)
    return { key, label, unit, target, median: median(runs), runs, ...(show ? { show } : {}) }
  }
  // Two figures in the JSON, one line in the table: "view + prefetch".
  const requestFigures = (
    key: string,
    what: string,
    target: string,
    read: (run: RunResult) => RequestSplit | null | undefined,
  ): Figure[] => {
    const view = figure(
      `${key}RequestsView`,
      `Requests per ${what}: for the view`,
      '',
      target,
      (run) => read(run)?.view,
    )
    const prefetch = figure(
      `${key}RequestsPrefetch`,
      `Requests per ${what}: prefetch`,
      '',
      target,
      (run) => read(run)?.prefetch,
    )
    const pair = (a: number | null, b: number | null) => `${a ?? 'n/a'} + ${b ?? 'n/a'}`
    view.row = [
      `Requests per ${what} (view + prefetch)`,
      pair(view.median, prefetch.median),
      view.runs.map((value, index) => pair(value, prefetch.runs[index] ?? null).replaceAll(' ', '')).join(', '),
      target,
    ]
    prefetch.row = null
    view.ratio = false
    prefetch.ratio = false
    return [view, prefetch]
  }
  const requestsOfSorts = (run: RunResult): RequestSplit | null =>
    run.fifty.sorts.length === 0
      ? null
      : {
          view: median(run.fifty.sorts.map((sort) => sort.requests.view))!,
          prefetch: median(run.fifty.sorts.map((sort) => sort.requests.prefetch))!,
          other: median(run.fifty.sorts.map((sort) => sort.requests.other))!,
          urls: [],
        }
  const yes = (value: number) => (value === 1 ? 'yes' : 'no')
  return [
    figure('jsBeforeFirstRowKiB', 'JS before first row and running (gzip)', 'KiB', '≤ 150 KiB', (run) =>
      kib(sum(run.fifty.jsBeforeFirstRow)),
    ),
    figure('cssBeforeFirstRowKiB', 'CSS before first row (gzip)', 'KiB', '—', (run) =>
      kib(sum(run.fifty.cssBeforeFirstRow)),
    ),
    figure('jsLaterKiB', 'JS loaded later (gzip)', 'KiB', '—', (run) => kib(sum(run.fifty.jsLater))),
    figure('fiftyFirstRowMs', '50 rows: navigation → first row', 'ms', '≤ 800 ms', (run) => run.fifty.firstRow),
    figure(
      'fiftyFirstRowFrameMs',
      '50 rows: navigation → first row painted',
      'ms',
      '—',
      (run) => run.fifty.firstRowFrame,
    ),
    figure('fiftyRunningMs', '50 rows: navigation → page responds', 'ms', '—', (run) => run.fifty.running),
    ...EARLY_TARGETS.map((target) =>
      figure(
        `early${target.name[0]!.toUpperCase()}${target.name.slice(1)}Ms`,
        `50 rows: ${target.name} clicked as the first row shows → shown`,
        'ms',
        '—',
        (run) => run.early.find((early) => early.target === target.name)?.answered,
      ),
    ),
    figure(
      'thousandFirstRowMs',
      '1,000 rows: navigation → first row',
      'ms',
      '≤ 500 ms',
      (run) => run.thousand.firstRow,
    ),
    figure(
      'thousandFirstScreenMs',
      '1,000 rows: navigation → first screen painted',
      'ms',
      '≤ 500 ms',
      (run) => run.thousand.firstScreenFrame,
    ),
    figure('thousandLongTaskMs', '1,000 rows: long tasks (total)', 'ms', '≤ 300 ms', (run) => run.thousand.longTaskMs),
    figure('fiftyHeapMB', '50 rows: JS heap after GC', 'MB', '—', (run) =>
      run.fifty.heapBytes === null ? null : mb(run.fifty.heapBytes),
    ),
    figure('thousandHeapMB', '1,000 rows: JS heap after GC', 'MB', '≤ 15 MB', (run) => mb(run.thousand.heapBytes)),
    figure('thousandDomRows', '1,000 rows: task rows in DOM', 'rows', '≤ ~100', (run) => run.thousand.taskRows),
    figure('thousandTbodyRows', '1,000 rows: all tbody tr in DOM', 'rows', '≤ ~100', (run) => run.thousand.tbodyRows),
    figure(
      'thousandDomRowsScrolled',
      '1,000 rows: task rows in DOM at bottom',
      'rows',
      '≤ ~100',
      (run) => run.thousand.afterScroll.taskRows,
    ),
    figure(
      'thousandLastRowVisible',
      '1,000 rows: last row shown at bottom',
      '',
      'yes',
      (run) => (run.thousand.afterScroll.lastRowVisible ? 1 : 0),
      yes,
    ),
    figure('sortMs', 'Sort click → rows updated', 'ms', '≤ 150 ms', (run) =>
      timingMedian(run.fifty.sorts.map((sort) => sort.timing)),
    ),
    figure('tabMs', 'Tab change → rows updated', 'ms', '—', (run) => run.fifty.tab?.timing?.frame),
    figure('nextMs', 'Next (prefetched) → rows updated', 'ms', '< 50 ms', (run) => run.fifty.next?.frame),
    figure('backMs', 'Back (cached) → rows updated', 'ms', '< 50 ms', (run) => run.fifty.back?.frame),
    ...requestFigures('sort', 'sort', '1 + 1', requestsOfSorts),
    ...requestFigures('tab', 'tab change', '1 + 1', (run) => run.fifty.tab?.requests),
    ...requestFigures('next', 'Next', '0 + 1', (run) => run.fifty.nextRequests),
    ...requestFigures('back', 'Back', '0 + 0', (run) => run.fifty.backRequests),
    figure('parseMs', 'Parse 1,000 rows (parseRows, Node)', 'ms', '—', (run) => run.parse?.ms),
    figure(
      'tabCountsMs',
      'Fresh board: navigation → all tab counts shown',
      'ms',
      '—',
      (run) => run.tabCounts?.allCounts,
    ),
    figure('tabCountsAfterRowMs', 'Fresh board: first row → all tab counts', 'ms', '—', (run) =>
      run.tabCounts ? run.tabCounts.allCounts - run.tabCounts.firstRow : undefined,
    ),
    figure(
      'tabCountsRequests',
      'Fresh board: requests for the tab counts',
      '',
      '1',
      (run) => run.tabCounts?.countRequests,
    ),
  ].map((made) => (NO_RATIO.has(made.key) ? { ...made, ratio: false } : made))
}

function format(figure: Figure, value: number | null): string {
  if (value === null) return 'n/a'
  if (figure.show) return figure.show(value)
  const digits = figure.unit === 'KiB' || figure.unit === 'MB' || (figure.unit === 'ms' && value < 100) ? 1 : 0
  const number = figure.unit === '' || figure.unit === 'rows' ? String(round(value, 1)) : value.toFixed(digits)
  return figure.unit ? `${number} ${figure.unit}` : number
}

function printTable(rows: string[][]): void {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)))
  const line = (row: string[]) =>
    row
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join('  ')
      .trimEnd()
  console.log(line(rows[0]!))
  console.log(widths.map((width) => '-'.repeat(width)).join('  '))
  for (const row of rows.slice(1)) console.log(line(row))
}

function printPackages(title: string, part: BundleBreakdown['initial']): void {
  if (part.packages.length === 0) {
    console.log(`\n${title}: none`)
    return
  }
  console.log(
    `\n${title}: ${kib(part.minified).toFixed(1)} KiB minified, ${kib(part.gzip).toFixed(1)} KiB gzip` +
      ` (top ${TOP_PACKAGES} of ${part.packages.length}; gzip per package is of its code alone)`,
  )
  const rows = [['package', 'minified', 'gzip ≈']]
  const show = (share: PackageShare) => [
    share.name,
    `${kib(share.minified).toFixed(1)} KiB`,
    `${kib(share.gzip).toFixed(1)} KiB`,
  ]
  rows.push(...part.packages.slice(0, TOP_PACKAGES).map(show))
  printTable(rows)
}

function machine(browserVersion: string) {
  const cores = cpus()
  return {
    cpu: cores[0]?.model ?? 'unknown',
    cores: cores.length,
    memoryGB: round(totalmem() / 1024 ** 3, 1),
    os: `${platform()} ${release()}`,
    node: process.version,
    chromium: browserVersion,
  }
}

async function main(): Promise<void> {
  const options = readOptions()
  let server: AppProcess | undefined
  let browser: Browser | undefined
  const results: RunResult[] = []
  const baselineResults: RunResult[] = []
  const problems: string[] = []
  const dataDir = mkdtempSync(join(tmpdir(), 'task-board-bench-'))
  try {
    browser = await chromium.launch(chromiumLaunchOptions())
    const info = machine(browser.version())
    console.log(
      `machine: ${info.cpu} × ${info.cores}, ${info.memoryGB} GB, ${info.os}, Node ${info.node}, Chromium ${info.chromium}`,
    )
    // The bundle breakdown reads the source maps, which a plain build leaves out.
    if (options.build) build('build', { BUILD_SOURCE_MAPS: '1' })
    if (!existsSync(join(distDir, 'index.html'))) throw new Error('dist/index.html is missing: run without --no-build')
    // CI builds dist/ only (npm test), so the baseline is built whenever it is missing.
    if (options.build || !existsSync(join(baselineDir, 'index.html'))) build('build:baseline')
    // Read right after the build: dist/ is the input of every figure below.
    const bundle = analyzeBundle(distDir)
    // The same app server and demo API serve both pages; the baseline under /baseline/ (a benchmark-only flag).
    server = await startAppProcess({ args: [`--baseline-root=${baselineDir}`], env: { DATA_DIR: dataDir } })
    const baselineUrl = `${server.url}/baseline`
    const timeParse = await loadRowParser(projectRoot)
    const thousandRowsBody = await fetchThousandRows(server.url)

    // One untimed pass: the server reads and gzips dist/ on first request, and its code and the demo data warm up.
    await runFiftyRows(browser, server.url, { interact: false, runningMark: APP_RUNNING_MARK })
    await runThousandRows(browser, server.url)
    await runTabCounts(browser, server.url, 0)
    await runFiftyRows(browser, baselineUrl, { interact: false })
    await runThousandRows(browser, baselineUrl)
    timeParse(thousandRowsBody)

    // Other work on the machine shows in every timing; the load average says how much there was.
    const loadBefore = loadavg().map((value) => round(value, 2))
    console.log(`load average before the runs: ${loadBefore.join(' ')}; ${options.runs} run(s)`)
    for (let run = 1; run <= options.runs; run += 1) {
      const started = performance.now()
      const fifty = await runFiftyRows(browser, server.url, { runningMark: APP_RUNNING_MARK })
      const thousand = await runThousandRows(browser, server.url)
      const parse = timeParse(thousandRowsBody)
      const tabCounts = await runTabCounts(browser, server.url, run)
      const early = await runEarlyClicks(browser, server.url)
      results.push({ fifty, thousand, parse, tabCounts, early })
      // Board, then baseline, in every run: both see the same state of the machine, close in time.
      const base = {
        fifty: await runFiftyRows(browser, baselineUrl),
        thousand: await runThousandRows(browser, baselineUrl),
        early: await runEarlyClicks(browser, baselineUrl),
      }
      baselineResults.push({ ...base, parse: null, tabCounts: null })
      const problemsOf = (result: Pick<RunResult, 'fifty' | 'thousand' | 'early'>) => [
        ...result.fifty.problems,
        ...result.thousand.problems,
        ...result.early.flatMap((early) => early.problems),
      ]
      for (const problem of problemsOf({ fifty, thousand, early })) problems.push(`run ${run}: ${problem}`)
      for (const problem of problemsOf(base)) {
        problems.push(`run ${run} (baseline): ${problem}`)
      }
      console.log(
        `run ${run}/${options.runs}: ${((performance.now() - started) / 1000).toFixed(1)} s` +
          ` (first row ${fifty.firstRow.toFixed(0)} ms vs ${base.fifty.firstRow.toFixed(0)} ms,` +
          ` 1,000 rows ${thousand.firstScreen.toFixed(0)} ms vs ${base.thousand.firstScreen.toFixed(0)} ms)`,
      )
    }
    const all = figures(results)
    const baselineFigures = new Map(figures(baselineResults).map((figure) => [figure.key, figure]))
    const compared = new Map<string, Compared>(
      all.map((figure) => [
        figure.key,
        compareRuns(figure.key, figure, baselineFigures.get(figure.key), figure.ratio !== false),
      ]),
    )
    console.log('')
    printTable([
      ['figure', 'board', 'baseline', 'board ÷ baseline', 'target'],
      ...all.flatMap((figure) => {
        const base = baselineFigures.get(figure.key)
        const versus = compared.get(figure.key)!
        if (figure.row === null) return []
        if (figure.row !== undefined)
          return [[figure.row[0]!, figure.row[1]!, base?.row?.[1] ?? '—', '—', figure.target]]
        const baseValue = figure.ratio === false && figure.key === 'parseMs' ? '—' : format(figure, versus.baseline)
        return [[figure.label, format(figure, figure.median), baseValue, formatRatio(versus), figure.target]]
      }),
    ])
    console.log(
      'board ÷ baseline: the median of the per-run ratios; the goals are those of the board against a bare table',
    )
    const last = results.at(-1)!
    const later = last.fifty.jsLater.map((file) => `${new URL(file.url).pathname} ${kib(file.encoded).toFixed(1)} KiB`)
    console.log(`\nJS loaded after the first row (last run): ${later.length > 0 ? later.join(', ') : 'none'}`)
    const initialFiles = bundle.chunks.filter((chunk) => chunk.initial).map((chunk) => chunk.file)
    console.log(`initial chunks (index.html and its static imports): ${initialFiles.join(', ')}`)
    printPackages('Initial JS by package', bundle.initial)
    printPackages('Lazy JS by package', bundle.lazy)
    console.log(
      `\nparse: ${last.parse?.rows} rows; JSON.parse of the body ${last.parse?.jsonParseMs.toFixed(1)} ms; ` +
        `1,000-row response had ${last.thousand.rowsInResponse} rows; scrolled: ${last.thousand.afterScroll.scrolled.join(', ') || 'nothing'}`,
    )
    for (const problem of problems) console.warn(`warning: ${problem}`)

    const loadAfter = loadavg().map((value) => round(value, 2))
    console.log(`load average after the runs: ${loadAfter.join(' ')}`)

    const missing = all.filter((figure) => figure.median === null).map((figure) => figure.label)
    mkdirSync(dirname(resultsFile), { recursive: true })
    writeFileSync(
      resultsFile,
      `${JSON.stringify(
        {
          date: new Date().toISOString(),
          machine: { ...info, loadAverageBeforeRuns: loadBefore, loadAverageAfterRuns: loadAfter },
          runs: options.runs,
          figures: Object.fromEntries(
            all.map((figure) => [
              figure.key,
              {
                label: figure.label,
                unit: figure.unit,
                target: figure.target,
                median: figure.median,
                runs: figure.runs,
                baseline: compared.get(figure.key)!.baseline,
                baselineRuns: baselineFigures.get(figure.key)?.runs ?? [],
                ratio: compared.get(figure.key)!.ratio,
                ratioRuns: compared.get(figure.key)!.ratios,
                ratioGoal: compared.get(figure.key)!.goal,
              },
            ]),
          ),
          bundle,
          problems,
          missing,
          details: results,
          baselineDetails: baselineResults,
        },
        null,
        2,
      )}\n`,
    )
    console.log(`\nwrote ${resultsFile.slice(projectRoot.length + 1)}`)
    if (missing.length > 0) {
      console.error(`no value in any run for: ${missing.join('; ')}`)
      process.exitCode = 1
    }
  } finally {
    await browser?.close()
    await server?.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

try {
  await main()
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
}
