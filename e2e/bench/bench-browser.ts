import type { Browser, BrowserContext, ElementHandle, Locator, Page, Request } from '@playwright/test'
import { sleep } from './bench-stats.ts'
import { gzipSync } from 'node:zlib'

export const ROW_SELECTOR = '[data-testid="task-row"]'
/** The context every run starts from: no cache, no storage, one fixed viewport. */
const CONTEXT_OPTIONS = { viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1 } as const
/** How long after a view change requests still count as caused by it. */
const REQUEST_WINDOW_MS = 1000
/** How long the 1,000-row page is left to settle before long tasks are added up and the heap is read. */
const SETTLE_MS = 1000
const SORTS_PER_RUN = 3
/**
 * How long the pointer rests on a sort header or a tab before the click, as a
 * hand does on its way to press it: a quick click. The clock starts at the
 * click; the board may use the rest to ask for the view ahead (the baseline
 * does nothing with it).
 */
const POINTER_REST_MS = 200
const ROWS_TIMEOUT_MS = 20_000

interface Probe {
  firstRow: number | null
  firstRowFrame: number | null
  firstScreen: number | null
  firstScreenFrame: number | null
  lastRowChange: number | null
  longTasks: { start: number; duration: number }[]
}
type ProbeWindow = Window & { __bench: Probe }

/** A view change timed in the page, from just before the click to the rows changing. */
export interface ChangeTiming {
  /** ms until the MutationObserver saw different rows. */
  dom: number
  /** ms until a task queued from the next animation frame after that: the frame with the rows is out. */
  frame: number
}

export interface RequestSplit {
  /** List requests for the view the change led to. */
  view: number
  /** List requests for the page after it. */
  prefetch: number
  other: number
  urls: string[]
}

export interface ResourceInfo {
  url: string
  /** Body bytes as transferred (gzip where the server compressed). */
  encoded: number
  decoded: number
  /** ms after navigation start. */
  end: number
}

export interface FiftyRowRun {
  firstRow: number
  firstRowFrame: number | null
  /**
   * When the page's scripts had rendered it: the board's running mark (a first screen from the server is then the
   * board's), the first row for a page without one (the baseline, whose rows only its scripts put there).
   */
  running: number
  /** Scripts whose response ended by the first row, or by the time the page's scripts had rendered it if later. */
  jsBeforeFirstRow: ResourceInfo[]
  cssBeforeFirstRow: ResourceInfo[]
  jsLater: ResourceInfo[]
  /** JS heap after GC once the page and its prefetched next page are loaded; null on a warm-up pass. */
  heapBytes: number | null
  next: ChangeTiming | null
  nextRequests: RequestSplit | null
  back: ChangeTiming | null
  backRequests: RequestSplit | null
  sorts: { header: string; timing: ChangeTiming | null; requests: RequestSplit }[]
  tab: { tab: string; timing: ChangeTiming | null; requests: RequestSplit } | null
  problems: string[]
}

export interface ThousandRowRun {
  firstRow: number
  firstRowFrame: number | null
  firstScreen: number
  firstScreenFrame: number | null
  longTaskMs: number
  longTaskCount: number
  /** Sum of the part of each long task beyond 50 ms (Lighthouse's total blocking time, to the settle point). */
  blockingMs: number
  heapBytes: number
  /** Every task list request of the load, prefetch included. */
  requests: string[]
  taskRows: number
  tbodyRows: number
  rowsInResponse: number
  afterScroll: { taskRows: number; tbodyRows: number; lastRowVisible: boolean; scrolled: string[] }
  problems: string[]
}

/**
 * Runs in every document before the app's scripts: notes when the first row
 * and the first screenful of rows reach the DOM, and every long task.
 */
function installProbe(rowSelector: string): void {
  const probe: Probe = {
    firstRow: null,
    firstRowFrame: null,
    firstScreen: null,
    firstScreenFrame: null,
    lastRowChange: null,
    longTasks: [],
  }
  Object.defineProperty(window, '__bench', { value: probe })
  // The default buffer of 250 entries fills up with avatars on long pages, and bytes would go uncounted.
  performance.setResourceTimingBufferSize(2000)
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) probe.longTasks.push({ start: entry.startTime, duration: entry.duration })
    }).observe({ type: 'longtask', buffered: true })
  } catch {
    // A browser without the Long Tasks API reports none.
  }
  const afterFrame = (done: (at: number) => void) =>
    requestAnimationFrame(() => setTimeout(() => done(performance.now())))
  // The rows reach the bottom of what is visible of the innermost scrolling box around them (or of the window).
  const fillsScreen = (last: Element): boolean => {
    let bottom = window.innerHeight
    for (let element = last.parentElement; element && element !== document.body; element = element.parentElement) {
      const overflow = getComputedStyle(element).overflowY
      if ((overflow === 'auto' || overflow === 'scroll') && element.scrollHeight > element.clientHeight) {
        bottom = Math.min(bottom, element.getBoundingClientRect().bottom)
        break
      }
    }
    return last.getBoundingClientRect().bottom >= bottom - 1
  }
  let rowCount = 0
  const observer = new MutationObserver(() => {
    const rows = document.querySelectorAll(rowSelector)
    if (rows.length === 0) return
    const now = performance.now()
    if (rows.length !== rowCount) {
      rowCount = rows.length
      probe.lastRowChange = now
    }
    if (probe.firstRow === null) {
      probe.firstRow = now
      afterFrame((at) => (probe.firstRowFrame = at))
    }
    if (probe.firstScreen === null && fillsScreen(rows[rows.length - 1]!)) {
      probe.firstScreen = performance.now()
      afterFrame((at) => (probe.firstScreenFrame = at))
      observer.disconnect()
    }
  })
  observer.observe(document, { childList: true, subtree: true })
}

/**
 * Clicks `element` (or goes back in history) and resolves when the table shows
 * the new view: its first rows differ from before, or it was marked busy
 * (previous rows kept while loading) and no longer is, which also covers a new
 * view that starts with the same rows; or, for a view shown at once from the
 * cache, a tab or sort header changed its `aria-selected` / `aria-sort` while
 * the table is not busy (the view is on screen, even where its first rows are
 * those of the view before). Runs in the page, so the clock starts right
 * before the click and no round trip to the benchmark process is timed.
 */
function changeRows(args: {
  element: HTMLElement | null
  selector: string
  timeoutMs: number
}): Promise<ChangeTiming | string> {
  return new Promise((resolve) => {
    const signature = () => {
      const rows = document.querySelectorAll(args.selector)
      let text = String(rows.length)
      for (let index = 0; index < Math.min(5, rows.length); index += 1) text += `\u0000${rows[index]!.textContent}`
      return text
    }
    const busy = () => document.querySelector('table[aria-busy="true"]') !== null
    const before = signature()
    let started = 0
    let wasBusy = false
    const observer = new MutationObserver((records) => {
      if (busy()) {
        wasBusy = true
        return
      }
      const selected = records.some((record) => record.type === 'attributes' && record.attributeName !== 'aria-busy')
      if (!wasBusy && !selected && signature() === before) return
      const dom = performance.now() - started
      observer.disconnect()
      clearTimeout(timer)
      requestAnimationFrame(() => setTimeout(() => resolve({ dom, frame: performance.now() - started })))
    })
    const timer = setTimeout(() => {
      observer.disconnect()
      resolve(`the rows did not change within ${args.timeoutMs} ms`)
    }, args.timeoutMs)
    observer.observe(document.body, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['aria-busy', 'aria-selected', 'aria-sort'],
    })
    started = performance.now()
    if (args.element) args.element.click()
    else history.back()
  })
}

/** The task list requests a page makes (`/api/tasks/`, not `/api/tasks/{id}`), as they start and end. */
class TaskRequests {
  readonly all: { url: string; offset: number; limit: number; done: boolean }[] = []
  private readonly byRequest = new Map<Request, { done: boolean }>()

  constructor(page: Page) {
    page.on('request', (request) => {
      const url = new URL(request.url())
      if (!/^\/api\/tasks\/?$/.test(url.pathname)) return
      const entry = {
        url: `${url.pathname}${url.search}`,
        offset: Number(url.searchParams.get('offset') ?? 0),
        limit: Number(url.searchParams.get('limit') ?? 0),
        done: false,
      }
      this.all.push(entry)
      this.byRequest.set(request, entry)
    })
    const finish = (request: Request) => {
      const entry = this.byRequest.get(request)
      if (entry) entry.done = true
    }
    page.on('requestfinished', finish)
    page.on('requestfailed', finish)
  }

  /** Waits until no list request has been open for `quietMs`. */
  async settle(quietMs = 300, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs
    let quietSince = Date.now()
    while (Date.now() < deadline) {
      if (this.all.some((entry) => !entry.done)) quietSince = Date.now()
      else if (Date.now() - quietSince >= quietMs) return
      await sleep(25)
    }
  }

  split(from: number, viewOffset: number): RequestSplit {
    const made = this.all.slice(from)
    const view = made.filter((entry) => entry.offset === viewOffset).length
    const prefetch = made.filter((entry) => entry.limit > 0 && entry.offset === viewOffset + entry.limit).length
    return { view, prefetch, other: made.length - view - prefetch, urls: made.map((entry) => entry.url) }
  }
}

/** Live JS heap of the page after a full garbage collection. */
async function heapAfterGc(context: BrowserContext, page: Page): Promise<number> {
  const cdp = await context.newCDPSession(page)
  try {
    await cdp.send('HeapProfiler.collectGarbage')
    return (await cdp.send('Runtime.getHeapUsage')).usedSize
  } finally {
    await cdp.detach()
  }
}

async function probeOf(page: Page): Promise<Probe> {
  return page.evaluate(() => ({ ...(window as unknown as ProbeWindow).__bench }))
}

async function newProbedContext(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext(CONTEXT_OPTIONS)
  await context.addInitScript(installProbe, ROW_SELECTOR)
  const page = await context.newPage()
  return { context, page }
}

async function waitForFirstRow(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'commit' })
  try {
    await page.waitForFunction(() => (window as unknown as ProbeWindow).__bench.firstRow !== null, undefined, {
      timeout: ROWS_TIMEOUT_MS,
      polling: 50,
    })
  } catch {
    throw new Error(`${url} showed no task row within ${ROWS_TIMEOUT_MS / 1000} s`)
  }
}

/** When the page set the User Timing mark (ms after navigation start), waiting for it if need be. */
async function markedAt(page: Page, mark: string): Promise<number> {
  const handle = await page.waitForFunction((name) => performance.getEntriesByName(name)[0]?.startTime ?? null, mark, {
    timeout: ROWS_TIMEOUT_MS,
    polling: 50,
  })
  return (await handle.jsonValue()) as number
}

async function resources(page: Page): Promise<ResourceInfo[]> {
  return page.evaluate(() =>
    (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((entry) => ({
      url: entry.name,
      encoded: entry.encodedBodySize,
      decoded: entry.decodedBodySize,
      end: entry.responseEnd,
    })),
  )
}

/** The page's own `<style>` elements (the board's first stylesheet comes inline), as gzip bytes of their text. */
async function inlineStyles(page: Page): Promise<ResourceInfo[]> {
  const texts = await page.evaluate(() =>
    [...document.querySelectorAll('head > style')].map((style) => style.textContent),
  )
  return texts.map((text, index) => ({
    url: `inline:style-${index + 1}`,
    encoded: gzipSync(text).length,
    decoded: Buffer.byteLength(text),
    end: 0,
  }))
}

const isJs = (resource: ResourceInfo) => /\.m?js$/.test(new URL(resource.url).pathname)
const isCss = (resource: ResourceInfo) => new URL(resource.url).pathname.endsWith('.css')

async function waitEnabled(locator: Locator, timeoutMs = 10_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if ((await locator.count()) > 0 && (await locator.first().isEnabled())) return true
    await sleep(50)
  }
  return false
}

/**
 * One view change: waits for the list requests of the last one to finish,
 * rests the pointer on `element` for `restMs` when asked to, times the click
 * (or Back) in the page, then counts the list requests started from the rest
 * until REQUEST_WINDOW_MS after the click.
 */
async function timeViewChange(
  page: Page,
  requests: TaskRequests,
  element: ElementHandle<HTMLElement | SVGElement> | null,
  viewOffset: number,
  { restMs = 0 }: { restMs?: number } = {},
): Promise<{ timing: ChangeTiming | string; requests: RequestSplit }> {
  await requests.settle()
  const mark = requests.all.length
  if (element && restMs > 0) {
    await element.hover()
    await sleep(restMs)
  }
  const started = Date.now()
  const timing = await page.evaluate(changeRows, {
    element: element as ElementHandle<HTMLElement> | null,
    selector: ROW_SELECTOR,
    timeoutMs: 10_000,
  })
  await sleep(Math.max(0, started + REQUEST_WINDOW_MS - Date.now()))
  const split = requests.split(mark, viewOffset)
  await requests.settle()
  return { timing, requests: split }
}

/**
 * A fresh context on the 50-row page: time to the first row and the bytes it
 * took, then Next (prefetched), Back (cached), a few sorts and a tab change.
 */
export async function runFiftyRows(
  browser: Browser,
  origin: string,
  { interact = true, runningMark }: { interact?: boolean; runningMark?: string } = {},
): Promise<FiftyRowRun> {
  const { context, page } = await newProbedContext(browser)
  const problems: string[] = []
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
  try {
    const requests = new TaskRequests(page)
    await waitForFirstRow(page, `${origin}/tasks?size=50`)
    const probe = await probeOf(page)
    const firstRow = probe.firstRow!
    const running = runningMark === undefined ? firstRow : await markedAt(page, runningMark)
    const loaded = await resources(page)
    // Rows rendered on the server are in the DOM before any script has arrived: what the page needs then is the
    // scripts that make it respond, not none.
    const before = loaded.filter((resource) => resource.end <= Math.max(firstRow, running))

    const result: FiftyRowRun = {
      firstRow,
      firstRowFrame: probe.firstRowFrame,
      running,
      jsBeforeFirstRow: before.filter(isJs),
      cssBeforeFirstRow: [...before.filter(isCss), ...(await inlineStyles(page))],
      jsLater: [],
      heapBytes: null,
      next: null,
      nextRequests: null,
      back: null,
      backRequests: null,
      sorts: [],
      tab: null,
      problems,
    }
    const strays = (what: string, split: RequestSplit): RequestSplit => {
      if (split.other > 0)
        problems.push(`${what}: list requests for neither the view nor its next page: ${split.urls.join(' ')}`)
      return split
    }
    const note = (what: string, timing: ChangeTiming | string): ChangeTiming | null => {
      if (typeof timing !== 'string') return timing
      problems.push(`${what}: ${timing}`)
      return null
    }

    if (!interact) return result

    // Next is enabled only once the prefetched page is in the cache, which is the state this figure is about.
    const next = page.getByRole('button', { name: /^next$/i })
    if (await waitEnabled(next)) {
      await requests.settle()
      result.heapBytes = await heapAfterGc(context, page)
      const turned = await timeViewChange(page, requests, await next.first().elementHandle(), 50)
      result.next = note('Next', turned.timing)
      result.nextRequests = strays('Next', turned.requests)
      const back = await timeViewChange(page, requests, null, 0)
      result.back = note('Back', back.timing)
      result.backRequests = strays('Back', back.requests)
    } else {
      problems.push('Next: the button never became enabled (no prefetched next page)')
    }

    for (let index = 0; index < SORTS_PER_RUN; index += 1) {
      const header = page.locator('th[aria-sort] .sort-button').nth(index)
      if ((await header.count()) === 0) {
        problems.push(`sort: no sortable header number ${index + 1}`)
        break
      }
      const name = (await header.innerText()).replace(/[↑↓↕]/g, '').trim()
      const sorted = await timeViewChange(page, requests, await header.elementHandle(), 0, {
        restMs: POINTER_REST_MS,
      })
      result.sorts.push({
        header: name,
        timing: note(`sort by ${name}`, sorted.timing),
        requests: strays(`sort by ${name}`, sorted.requests),
      })
    }

    const byId = page.locator('#tab-all')
    const tab = (await byId.count()) > 0 ? byId : page.getByRole('tab', { name: /^all$/i })
    if ((await tab.count()) > 0) {
      const changed = await timeViewChange(page, requests, await tab.first().elementHandle(), 0, {
        restMs: POINTER_REST_MS,
      })
      result.tab = {
        tab: 'all',
        timing: note('tab change', changed.timing),
        requests: strays('tab change', changed.requests),
      }
    } else {
      problems.push('tab change: no "All" tab')
    }

    result.jsLater = (await resources(page)).filter(
      (resource) => isJs(resource) && resource.end > Math.max(firstRow, running),
    )
    return result
  } finally {
    await context.close()
  }
}

/**
 * A fresh context on the 1,000-row page: first row, first screenful, long
 * tasks and heap once settled, rows in the DOM, then the same after scrolling
 * to the bottom.
 */
export async function runThousandRows(browser: Browser, origin: string): Promise<ThousandRowRun> {
  const { context, page } = await newProbedContext(browser)
  const problems: string[] = []
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
  try {
    const requests = new TaskRequests(page)
    let lastId: string | null = null
    let rowsInResponse = 0
    // The answer comes with the page (its first view) or from the board's own request.
    const bodyRead = new Promise<void>((resolve) => {
      const take = (body: unknown) => {
        if (Array.isArray(body)) {
          rowsInResponse = body.length
          const last = body.at(-1) as { _id?: unknown } | undefined
          lastId = typeof last?._id === 'string' ? last._id : null
        }
      }
      page.on('response', (response) => {
        const url = new URL(response.url())
        if (response.request().resourceType() === 'document') {
          response
            .text()
            .then((html) => {
              const island = /<script type="application\/json" id="first-view">(.*?)<\/script>/s.exec(html)
              if (!island) return
              // The board's queries, dehydrated: the view's rows are the list query's.
              const { state } = JSON.parse(island[1]!) as {
                state?: { queries: { queryKey: unknown[]; state: { data?: { tasks?: unknown } } }[] }
              }
              take(state?.queries.find((query) => query.queryKey[1] === 'list')?.state.data?.tasks)
              resolve()
            })
            .catch(() => {})
          return
        }
        if (!/^\/api\/tasks\/?$/.test(url.pathname)) return
        if (url.searchParams.get('limit') !== '1000' || (url.searchParams.get('offset') ?? '0') !== '0') return
        response
          .json()
          .then(take)
          .catch(() => {})
          .finally(resolve)
      })
    })
    await waitForFirstRow(page, `${origin}/tasks?size=1000`)
    await page
      .waitForFunction(
        () => {
          const probe = (window as unknown as ProbeWindow).__bench
          return probe.firstScreen !== null && probe.firstScreenFrame !== null
        },
        undefined,
        { timeout: 5000, polling: 50 },
      )
      .catch(() => problems.push('the rows never filled the first screen; taking the last change in row count'))
    let probe = await probeOf(page)
    const shown = probe.firstScreen ?? probe.lastRowChange ?? probe.firstRow!
    const settleUntil = shown + SETTLE_MS
    await page.waitForFunction((until) => performance.now() >= until, settleUntil, { polling: 100 })
    probe = await probeOf(page)
    const longTasks = probe.longTasks.filter((task) => task.start < settleUntil)

    const heapBytes = await heapAfterGc(context, page)

    const count = () =>
      page.evaluate(
        (selector) => ({
          taskRows: document.querySelectorAll(selector).length,
          tbodyRows: document.querySelectorAll('tbody tr').length,
        }),
        ROW_SELECTOR,
      )
    const rowsLoaded = await count()
    await Promise.race([bodyRead, sleep(2000)])
    if (lastId === null) problems.push('could not read the last task of the 1,000-row response')
    const scrolled = await page.evaluate(scrollToBottom, { selector: ROW_SELECTOR, lastId })
    const rowsScrolled = await count()

    return {
      firstRow: probe.firstRow!,
      firstRowFrame: probe.firstRowFrame,
      firstScreen: shown,
      firstScreenFrame: probe.firstScreenFrame,
      longTaskMs: longTasks.reduce((sum, task) => sum + task.duration, 0),
      longTaskCount: longTasks.length,
      blockingMs: longTasks.reduce((sum, task) => sum + Math.max(0, task.duration - 50), 0),
      heapBytes,
      requests: requests.all.map((entry) => entry.url),
      ...rowsLoaded,
      rowsInResponse,
      afterScroll: { ...rowsScrolled, lastRowVisible: scrolled.lastRowVisible, scrolled: scrolled.scrolled },
      problems,
    }
  } finally {
    await context.close()
  }
}

/**
 * Scrolls every box that scrolls around the table, innermost first, to its
 * bottom, until the heights stop changing (a virtualized table grows and
 * renders rows as it goes), then says whether the row of `lastId` is in view.
 */
async function scrollToBottom(args: {
  selector: string
  lastId: string | null
}): Promise<{ lastRowVisible: boolean; scrolled: string[] }> {
  const table = document.querySelector(args.selector)?.closest('table') ?? document.querySelector('table')
  const root = document.scrollingElement ?? document.documentElement
  const scrollers: Element[] = []
  for (let element = table?.parentElement ?? null; element; element = element.parentElement) {
    if (element.scrollHeight <= element.clientHeight + 1) continue
    const overflow = getComputedStyle(element).overflowY
    if (element === root || overflow === 'auto' || overflow === 'scroll' || overflow === 'overlay') {
      scrollers.push(element)
    }
  }
  if (!scrollers.includes(root) && root.scrollHeight > root.clientHeight + 1) scrollers.push(root)
  const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()))
  let steady = 0
  for (let round = 0; round < 100 && steady < 3; round += 1) {
    const heights = scrollers.map((element) => element.scrollHeight).join()
    for (const element of scrollers) element.scrollTop = element.scrollHeight
    await frame()
    await frame()
    const atBottom = scrollers.every((element) => element.scrollTop + element.clientHeight >= element.scrollHeight - 2)
    steady = atBottom && heights === scrollers.map((element) => element.scrollHeight).join() ? steady + 1 : 0
  }
  await new Promise((resolve) => setTimeout(resolve, 300))

  let lastRowVisible = false
  const link = args.lastId ? document.querySelector(`a[data-task-link][href*="${CSS.escape(args.lastId)}"]`) : null
  const row = link?.closest('tr')
  if (row) {
    const box = row.getBoundingClientRect()
    const frames = [
      { top: 0, bottom: window.innerHeight },
      ...scrollers.filter((element) => element !== root).map((element) => element.getBoundingClientRect()),
    ]
    lastRowVisible = box.height > 0 && frames.every((area) => box.bottom > area.top && box.top < area.bottom)
  }
  const describe = (element: Element) =>
    element === root
      ? 'document'
      : `${element.tagName.toLowerCase()}${element.className ? `.${element.className}` : ''}`
  return { lastRowVisible, scrolled: scrollers.map(describe) }
}

/** What an early click aims at, and the attribute that says its view is on screen. */
export interface EarlyTarget {
  name: string
  /** The element to click: the first sort header's control, or the All tab. */
  selector: string
  /** The element whose attribute changes once the new view is shown, and that attribute. */
  shownBy: { selector: string; attribute: string }
}

export const EARLY_TARGETS: readonly EarlyTarget[] = [
  {
    name: 'sort',
    selector: 'th[aria-sort] .sort-button',
    shownBy: { selector: 'th[aria-sort]', attribute: 'aria-sort' },
  },
  { name: 'tab', selector: '#tab-all', shownBy: { selector: '#tab-all', attribute: 'aria-selected' } },
]

export interface EarlyClickRun {
  target: string
  /** ms from navigation start to the frame after the new view was on screen, in whichever document shows it. */
  answered: number | null
  /** Clicks it took: more than one when a click was lost and made again, as a person would. */
  clicks: number
  /** ms from navigation start to the first click's input reaching the page. */
  firstClick: number | null
  /** Whether the view was answered by a new document (a link followed before the scripts ran). */
  newDocument: boolean
  problems: string[]
}

/** How long a person waits for a click to do something before clicking again. */
const LOST_CLICK_MS = 1000

/** What the page reports when its first row is on screen: where the target is, or null without one. */
type ShownAt = { x: number; y: number } | null

/**
 * Runs in every document of an early-click run. In the first, once the first
 * row is painted, it notes what `target` shows before any click (in this
 * tab's session storage, so the next document reads it too) and reports the
 * target's position through the `benchFirstRowShown` binding, which reaches
 * the benchmark at once, whatever the page's main thread is doing. In every
 * document it notes, as wall-clock time so it compares across documents, the
 * frame after the first moment the target shows something else, rows are
 * there and the table is not busy.
 */
function watchEarlyClick(args: { rowSelector: string; target: EarlyTarget }): void {
  const { rowSelector, target } = args
  let storage: Storage
  try {
    storage = sessionStorage
  } catch {
    return // a document without storage (about:blank) is not the board's
  }
  const afterFrame = (done: () => void) => requestAnimationFrame(() => setTimeout(done))
  const shownValue = () => document.querySelector(target.shownBy.selector)?.getAttribute(target.shownBy.attribute)
  const isAnswer = () => {
    const before = storage.getItem('bench-early-before')
    if (before === null || storage.getItem('bench-early-at') !== null) return false
    const value = shownValue()
    if (value === undefined || value === null || value === before) return false
    return document.querySelector(rowSelector) !== null && document.querySelector('table[aria-busy="true"]') === null
  }
  // When the first click reached the page (its time stamp is when the input arrived, however busy the page was).
  addEventListener(
    'pointerdown',
    (event) => {
      if (storage.getItem('bench-early-click') === null)
        storage.setItem('bench-early-click', String(performance.timeOrigin + event.timeStamp))
    },
    { capture: true },
  )
  let shownAsked = false
  const observer = new MutationObserver(() => {
    if (storage.getItem('bench-early-before') === null) {
      if (!document.querySelector(rowSelector) || shownAsked) return
      shownAsked = true
      afterFrame(() => {
        storage.setItem('bench-early-before', shownValue() ?? '')
        const box = document.querySelector(target.selector)?.getBoundingClientRect()
        const report = (window as unknown as { benchFirstRowShown: (at: ShownAt) => void }).benchFirstRowShown
        report(box ? { x: box.x + box.width / 2, y: box.y + box.height / 2 } : null)
      })
      return
    }
    if (!isAnswer()) return
    observer.disconnect()
    afterFrame(() => storage.setItem('bench-early-at', String(performance.timeOrigin + performance.now())))
  })
  observer.observe(document, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['aria-busy', 'aria-selected', 'aria-sort'],
  })
}

/**
 * A fresh context on the 50-row page: as soon as the first row is painted, a
 * pointer click on `target` (queued like a person's while the page's main
 * thread is busy), and the time from navigation start until the new view is
 * on screen. A click that does nothing within LOST_CLICK_MS (a page whose
 * handlers are not there yet) is made again, as a person would.
 */
export async function runEarlyClick(browser: Browser, origin: string, target: EarlyTarget): Promise<EarlyClickRun> {
  const context = await browser.newContext(CONTEXT_OPTIONS)
  let shown: (at: ShownAt) => void = () => {}
  const firstRowShown = new Promise<ShownAt>((resolve) => (shown = resolve))
  await context.exposeBinding('benchFirstRowShown', (_source, at: ShownAt) => shown(at))
  await context.addInitScript(watchEarlyClick, { rowSelector: ROW_SELECTOR, target })
  const page = await context.newPage()
  const problems: string[] = []
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
  const result: EarlyClickRun = {
    target: target.name,
    answered: null,
    clicks: 0,
    firstClick: null,
    newDocument: false,
    problems,
  }
  const answeredAt = async (): Promise<{ answered: number; click: number | null } | null> => {
    try {
      return await page.evaluate(() => {
        const at = sessionStorage.getItem('bench-early-at')
        const click = sessionStorage.getItem('bench-early-click')
        return at === null ? null : { answered: Number(at), click: click === null ? null : Number(click) }
      })
    } catch {
      return null // between documents
    }
  }
  try {
    const navigated = Date.now()
    await page.goto(`${origin}/tasks?size=50`, { waitUntil: 'commit' })
    const started = await page.evaluate(() => performance.timeOrigin)
    let at = await Promise.race([firstRowShown, sleep(ROWS_TIMEOUT_MS).then(() => undefined)])
    if (at === undefined) {
      problems.push(`${target.name}: no task row within ${ROWS_TIMEOUT_MS / 1000} s`)
      return result
    }
    const deadline = navigated + ROWS_TIMEOUT_MS
    while (Date.now() < deadline) {
      if (at) {
        result.clicks += 1
        await page.mouse.click(at.x, at.y)
      } else {
        problems.push(`${target.name}: no ${target.selector} to click`)
      }
      const lostAt = Date.now() + LOST_CLICK_MS
      while (Date.now() < lostAt) {
        const answered = await answeredAt()
        if (answered !== null) {
          result.answered = answered.answered - started
          result.firstClick = answered.click === null ? null : answered.click - started
          result.newDocument = await page.evaluate((first) => performance.timeOrigin !== first, started)
          return result
        }
        await sleep(10)
      }
      const box = await page.locator(target.selector).first().boundingBox()
      at = box ? { x: box.x + box.width / 2, y: box.y + box.height / 2 } : null
    }
    problems.push(`${target.name}: no click was answered within ${ROWS_TIMEOUT_MS / 1000} s`)
    return result
  } finally {
    await context.close()
  }
}
