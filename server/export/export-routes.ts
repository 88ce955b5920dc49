import type { IncomingMessage, ServerResponse } from 'node:http'
import { setTimeout as sleep } from 'node:timers/promises'
import { de } from '../../src/shared/i18n/de.ts'
import { en } from '../../src/shared/i18n/en.ts'
import { knownTimeZone } from '../../src/shared/display-cookie.ts'
import { TASK_TYPES_REQUEST, toWireParams } from '../../src/shared/tasks/api/list-query.ts'
import { taskTypeSchema, type TaskType } from '../../src/shared/tasks/api/schemas.ts'
import { ME } from '../../src/shared/tasks/url-state/board-filters.ts'
import { toTaskListQuery } from '../../src/shared/tasks/url-state/board-query.ts'
import { formatBoardSearch, parseBoardSearch } from '../../src/shared/tasks/url-state/board-search.ts'
import { formatSearchString } from '../../src/shared/tasks/url-state/search-string.ts'
import type { CountAnswer, CountService } from '../counts/count-service.ts'
import { acceptedKey } from '../counts/figure-key.ts'
import type { SpendBudget } from '../counts/shared-budget.ts'
import { parseTaskFilters } from '../counts/task-filters.ts'
import type { UpstreamBackoff } from '../counts/upstream-backoff.ts'
import { sendJsonError } from '../http/json-error.ts'
import { sendBadRequest, sendJson } from '../http/send-json.ts'
import type { RequestContext, Route } from '../identity/request-context.ts'
import { readKeyUser } from '../identity/upstream-self.ts'
import { listOf, type UpstreamClient } from '../upstream/upstream-client.ts'
import { asUpstreamError } from '../upstream/upstream-error.ts'
import { hashUpstreamKey } from '../upstream/upstream-key.ts'
import { COLUMN_IDS, exportRow, isColumnId, type ColumnId } from './export-columns.ts'
import { EXPORT_WORDS, type ExportLanguage } from './export-words.ts'
import { createExportWriter, type ExportFacts, type ExportFormat } from './export-writer.ts'
import { EXPORT_PAGE_SIZE, readViewTasks } from './view-tasks.ts'
import { createExportProgress } from './export-progress.ts'
import { z } from 'zod'
import type { RateLimit } from '../http/rate-limit.ts'
import { readJsonBody } from '../http/read-json-body.ts'

const cancelBody = z.strictObject({ job: z.string().regex(/^[A-Za-z0-9_-]{8,40}$/) })

/** Longest board query an export takes, as a saved view's. */
const MAX_VIEW_LENGTH = 4000
/** How long the answer waits for the first page before it begins without it (the budget may hold pages back). */
const FIRST_PAGE_WAIT_MS = 2000
/** Exports one person may run at once: each pages the view, and the budget is the key's. */
const EXPORTS_PER_PERSON = 2

export interface ExportRoutesOptions {
  upstream: UpstreamClient
  /** Cancels per person per minute: a write, limited like every other. */
  cancelLimit: RateLimit
  counts: CountService
  budget: SpendBudget
  backoff: UpstreamBackoff
  /** The most rows an export writes (`EXPORT_MAX_ROWS`). */
  maxRows: number
  now?: () => number
}

interface ExportAsk {
  view: string
  format: ExportFormat
  columns: ColumnId[]
  language: ExportLanguage
  timeZone: string
  separator: ',' | ';'
  /** Export the first `maxRows` of a view that has more. */
  first: boolean
  /** The id the browser gave this export, to read its progress and cancel it. */
  job: string | null
}

const JOB_ID = /^[A-Za-z0-9_-]{8,40}$/

/**
 * `GET /app/export/size?view=<board query>`: how many tasks the view has and
 * what an export of it costs, before anything is read; and
 * `GET /app/export?view=…&format=csv|xlsx&columns=…&lang=en|de&tz=…`: the
 * view (its filters and sort, the board's repair of a mangled one) as a
 * file, streamed as it is read, every page of it (docs/export.md).
 */
export function createExportRoutes({
  upstream,
  cancelLimit,
  counts,
  budget,
  backoff,
  maxRows,
  now = Date.now,
}: ExportRoutesOptions): Route[] {
  const running = new Map<string, number>()
  const progress = createExportProgress(now)

  /** The view's request and its count (null where no count can be had), as the key's owner sees them. */
  async function viewOf(view: string, key: string | undefined, companyId: string | undefined) {
    const parsed = parseBoardSearch(new URLSearchParams(view))
    const board = { ...parsed.board, page: 1 }
    let selfId: string | null = null
    if (board.assignee.includes(ME) && key !== undefined) {
      const self = await readKeyUser(upstream, key)
      selfId = self.kind === 'ok' ? self.user.userId : null
    }
    const request = toTaskListQuery(board, selfId)
    if (request === null) return null
    const { limit: _limit, offset: _offset, ...query } = request
    const filters = parseTaskFilters(toWireParams({ ...query, limit: 1, offset: 0 }), {
      ignore: ['limit', 'offset', 'sort'],
    })
    const count: CountAnswer | null =
      query.changedSince === undefined && filters.ok
        ? await counts.count(key, filters.filters, companyId).then((answer) => ('refused' in answer ? null : answer))
        : null
    return { board, query, count, ignored: parsed.ignored, canonical: formatSearchString(formatBoardSearch(board)) }
  }

  const guarded =
    (
      handle: (call: {
        req: IncomingMessage
        res: ServerResponse
        search: URLSearchParams
        context: RequestContext
        key: string | undefined
      }) => Promise<void>,
    ): Route[2] =>
    async ({ req, res, search, context }) => {
      const asked = await acceptedKey(req, context, res)
      if (asked.accepted) await handle({ req, res, search, context, key: asked.key })
    }

  return [
    [
      'GET',
      /^\/app\/export\/progress$/,
      guarded(async ({ res, search, context }) => {
        const job = search.get('job') ?? ''
        if (!JOB_ID.test(job)) return sendBadRequest(res, ['job: the id the export was started with'])
        // An id not known (yet: the dialog asks as the download leaves; or another person's) is no error.
        sendJson(res, 200, progress.read((await context.identity()).clientKey, job) ?? { state: 'unknown' })
      }),
    ],
    [
      'POST',
      /^\/app\/export\/cancel$/,
      guarded(async ({ req, res, context }) => {
        const parsed = cancelBody.safeParse(await readJsonBody(req))
        if (!parsed.success) return sendBadRequest(res, ['job: the id the export was started with'])
        const person = (await context.identity()).clientKey
        const wait = cancelLimit.take(person)
        if (wait > 0) {
          return sendJsonError(res, 429, 'Too many changes in a short time; wait a moment.', {
            'retry-after': String(wait),
          })
        }
        if (!progress.cancel(person, parsed.data.job)) return sendJsonError(res, 404, 'No export of yours by this id.')
        sendJson(res, 200, progress.read(person, parsed.data.job))
      }),
    ],
    [
      'GET',
      /^\/app\/export\/size$/,
      guarded(async ({ res, search, context, key }) => {
        const view = search.get('view') ?? ''
        if (view.length > MAX_VIEW_LENGTH) return sendBadRequest(res, [`view: at most ${MAX_VIEW_LENGTH} characters`])
        const shown = await viewOf(view, key, (await context.identity()).actor?.companyId)
        if (!shown) return sendJsonError(res, 502, 'Who “me” is could not be asked of the tasks API; try again.')
        const count = shown.count && { state: shown.count.state, count: shown.count.count }
        sendJson(res, 200, {
          count,
          cap: maxRows,
          requests: count ? requestsFor(count.count, maxRows) : null,
        })
      }),
    ],
    [
      'GET',
      /^\/app\/export$/,
      guarded(async ({ req, res, search, context, key }) => {
        const ask = readAsk(search)
        if ('problems' in ask) return sendBadRequest(res, ask.problems)
        const identity = await context.identity()
        const person = identity.clientKey
        if ((running.get(person) ?? 0) >= EXPORTS_PER_PERSON) {
          return sendJsonError(res, 429, `At most ${EXPORTS_PER_PERSON} exports at once; wait for one to finish.`, {
            'retry-after': '10',
          })
        }
        // The slot is taken before anything is awaited, so exports asked for at once cannot all pass the check.
        running.set(person, (running.get(person) ?? 0) + 1)
        try {
          await runExport(req, res, context, key, ask, person, identity.actor?.companyId)
        } finally {
          const left = (running.get(person) ?? 1) - 1
          if (left > 0) running.set(person, left)
          else running.delete(person)
        }
      }),
    ],
  ]

  async function runExport(
    req: IncomingMessage,
    res: ServerResponse,
    context: RequestContext,
    key: string | undefined,
    ask: ExportAsk,
    person: string,
    companyId: string | undefined,
  ): Promise<void> {
    const shown = await viewOf(ask.view, key, companyId)
    if (!shown) return sendJsonError(res, 502, 'Who “me” is could not be asked of the tasks API; try again.')
    const counted = shown.count?.count ?? null
    if (counted !== null && counted > maxRows && !ask.first) {
      return sendJsonError(
        res,
        413,
        `This view has ${shown.count!.state === 'atLeast' ? 'at least ' : ''}${counted} tasks: exports are capped at ${maxRows} (EXPORT_MAX_ROWS); narrow the view or export the first ${maxRows}.`,
      )
    }
    const expected = counted === null ? null : Math.min(counted, maxRows)
    const tracked = ask.job === null ? null : progress.begin(person, ask.job, expected)
    if (ask.job !== null && tracked === null) return sendJsonError(res, 409, 'An export by this id has begun already.')
    const stop = new AbortController()
    const onClose = () => stop.abort()
    res.on('close', onClose)
    // Cancelled from the dialog: the file is cut off, never passed off as whole.
    tracked?.signal.addEventListener(
      'abort',
      () => {
        stop.abort()
        res.destroy()
      },
      { signal: stop.signal },
    )
    const end = (state: 'done' | 'failed' | 'cancelled', notes?: string[]) => {
      if (ask.job !== null) progress.end(person, ask.job, state, notes)
    }
    try {
      const types = await readTaskTypes(upstream, key, stop.signal)
      const notes = await writeExport({
        req,
        res,
        ask,
        shown,
        types,
        key,
        stop: stop.signal,
        onRow: () => {
          if (tracked) tracked.progress.rows += 1
        },
      })
      end('done', notes)
    } catch (error) {
      end(stop.signal.aborted ? 'cancelled' : 'failed')
      if (stop.signal.aborted) return
      if (!res.headersSent) {
        const failure = asUpstreamError(error)
        sendJsonError(res, failure.status === 401 ? 401 : 502, failure.message)
        if (failure.status === 401) await context.keyRefused()
      } else {
        // The file is under way: a cut file must not pass for a whole one.
        res.destroy(error instanceof Error ? error : new Error(String(error)))
      }
    } finally {
      res.off('close', onClose)
      // Whatever still listens (the cancel, a wait in the writer) lets go.
      stop.abort()
    }
  }

  async function writeExport({
    req,
    res,
    ask,
    shown,
    types,
    key,
    stop,
    onRow,
  }: {
    req: IncomingMessage
    res: ServerResponse
    ask: ExportAsk
    shown: NonNullable<Awaited<ReturnType<typeof viewOf>>>
    types: ReadonlyMap<string, TaskType>
    key: string | undefined
    stop: AbortSignal
    onRow: () => void
  }): Promise<string[]> {
    const t = ask.language === 'de' ? de : en
    const words = EXPORT_WORDS[ask.language]
    const startedAt = now()
    const paging = readViewTasks({
      upstream,
      key,
      owner: hashUpstreamKey(key),
      budget,
      backoff,
      query: shown.query,
      max: maxRows,
      startedAt,
      signal: stop,
    })
    // The first page before the answer begins, so a view the API refuses is a refusal, not a broken file; but a
    // page waiting for the budget does not hold the download back: the browser shows it begun, rows follow.
    const firstPage = paging.tasks.next()
    const read = await Promise.race([
      firstPage.then(
        () => true,
        () => true,
      ),
      sleep(FIRST_PAGE_WAIT_MS).then(() => false),
    ])
    if (read) await firstPage

    const day = new Intl.DateTimeFormat('en-CA', { timeZone: ask.timeZone }).format(startedAt)
    res.writeHead(200, {
      'content-type':
        ask.format === 'csv'
          ? 'text/csv; charset=utf-8'
          : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="${words.filename}-${day}.${ask.format}"`,
      'cache-control': 'no-store',
    })
    const writer = createExportWriter(res, {
      format: ask.format,
      headers: ask.columns.map((column) => t.columns[column]),
      timeZone: ask.timeZone,
      separator: ask.separator,
      sheets: { rows: words.rowsSheet, facts: words.factsSheet },
      signal: stop,
    })
    let rows = 0
    const lookups = { t, types }
    const first = await firstPage
    if (!first.done) {
      await writer.row(exportRow(first.value, ask.columns, lookups))
      rows += 1
      onRow()
      for await (const task of paging.tasks) {
        await writer.row(exportRow(task, ask.columns, lookups))
        rows += 1
        onRow()
      }
    }
    const report = paging.report
    const notes = [
      report.capped ? words.capped(maxRows) : null,
      report.repeated > 0 ? words.repeated(report.repeated) : null,
      report.changedMeanwhile > 0 ? words.changedMeanwhile(report.changedMeanwhile) : null,
      report.unreadable > 0 ? words.unreadable(report.unreadable) : null,
      shown.count?.state === 'exact' && !report.capped && shown.count.count !== rows
        ? words.fewer(rows, shown.count.count)
        : null,
    ].filter((note) => note !== null)
    const origin = `${req.headers['x-forwarded-proto'] === 'https' ? 'https' : 'http'}://${req.headers.host ?? 'localhost'}`
    const facts: ExportFacts = [
      [words.view, `${origin}/tasks${shown.canonical ? `?${shown.canonical}` : ''}`],
      [words.taken, `${new Date(startedAt).toISOString()} (${ask.timeZone})`],
      [words.rows, String(rows)],
      ...(shown.count
        ? [[words.counted, `${shown.count.state === 'atLeast' ? '≥ ' : ''}${shown.count.count}`] as const]
        : []),
      ...(shown.ignored.length > 0
        ? [[words.leftOut, shown.ignored.map(({ name, value }) => `${name}=${value}`).join(', ')] as const]
        : []),
      [words.notes, notes.length > 0 ? notes.join('; ') : words.none],
    ]
    await writer.end(facts)
    return notes
  }
}

/**
 * The upstream requests an export of `count` tasks sends: its pages, and
 * the empty one that ends them (a short page proves nothing); a view cut at
 * the cap stops at it.
 */
function requestsFor(count: number, maxRows: number): number {
  return count > maxRows ? Math.ceil(maxRows / EXPORT_PAGE_SIZE) : Math.ceil(count / EXPORT_PAGE_SIZE) + 1
}

function readAsk(search: URLSearchParams): ExportAsk | { problems: string[] } {
  const problems: string[] = []
  const view = search.get('view') ?? ''
  if (view.length > MAX_VIEW_LENGTH) problems.push(`view: at most ${MAX_VIEW_LENGTH} characters`)
  const format = search.get('format')
  if (format !== 'csv' && format !== 'xlsx') problems.push('format: csv or xlsx')
  const asked = (search.get('columns') ?? '').split(',').filter(Boolean)
  const unknown = asked.filter((column) => !isColumnId(column))
  if (unknown.length > 0) problems.push(`columns: not columns of the board: ${unknown.slice(0, 5).join(', ')}`)
  const columns = [...new Set(asked.filter(isColumnId))]
  const language = search.get('lang') ?? 'en'
  if (language !== 'en' && language !== 'de') problems.push('lang: en or de')
  const zone = search.get('tz') ?? 'UTC'
  const timeZone = knownTimeZone(zone)
  if (timeZone === null) problems.push('tz: not a time zone')
  const job = search.get('job')
  if (job !== null && !JOB_ID.test(job)) problems.push('job: 8 to 40 letters, digits, - or _')
  const separator = search.get('separator') ?? (language === 'de' ? ';' : ',')
  if (separator !== ',' && separator !== ';') problems.push('separator: , or ;')
  if (problems.length > 0) return { problems }
  return {
    view,
    format: format as ExportFormat,
    columns: columns.length > 0 ? columns : COLUMN_IDS,
    language: language as ExportLanguage,
    timeZone: timeZone!,
    separator: separator as ',' | ';',
    first: search.get('first') === 'true',
    job: search.get('job'),
  }
}

async function readTaskTypes(
  upstream: UpstreamClient,
  key: string | undefined,
  signal: AbortSignal,
): Promise<Map<string, TaskType>> {
  const answer = await upstream({ path: `/taskTypes/?${TASK_TYPES_REQUEST}`, key, signal })
  const types = new Map<string, TaskType>()
  for (const row of listOf(answer, key)) {
    const parsed = taskTypeSchema.safeParse(row)
    if (parsed.success) types.set(parsed.data._id, parsed.data)
  }
  return types
}
